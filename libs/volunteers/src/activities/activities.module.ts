import { Module } from '@nestjs/common';
import { ProfilesModule } from '../profiles/profiles.module';
import { ActivitiesNotifier } from './activities-notifier';
import { ActivitiesService } from './activities.service';
import { ActivityAccess } from './activity-access.service';
import { ActivitySignups } from './activity-signups.store';
import { HourRequestsService } from './hour-requests/hour-requests.service';
import { CancelSignupUseCase } from './usecases/cancel-signup.usecase';
import { CheckInUseCase } from './usecases/check-in.usecase';
import { CorrectAttendanceUseCase } from './usecases/correct-attendance.usecase';
import { CreateActivityUseCase } from './usecases/create-activity.usecase';
import { SignUpUseCase } from './usecases/sign-up.usecase';
import { VerifyAttendanceUseCase } from './usecases/verify-attendance.usecase';

const PROVIDERS = [
  ActivityAccess,
  ActivitySignups,
  ActivitiesNotifier,
  ActivitiesService,
  CreateActivityUseCase,
  SignUpUseCase,
  CancelSignupUseCase,
  CheckInUseCase,
  VerifyAttendanceUseCase,
  CorrectAttendanceUseCase,
  HourRequestsService,
];

/** Domain face of the activities area: activities, sign-ups and the waitlist, check-in, verification, hour requests. */
@Module({ imports: [ProfilesModule], providers: PROVIDERS, exports: PROVIDERS })
export class ActivitiesModule {}
