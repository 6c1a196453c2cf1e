import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { ProfilesModule } from '../profiles/profiles.module';
import { ActivitiesNotifier } from './activities-notifier';
import { ActivitiesRepository } from './activities.repository';
import { ActivitiesService } from './activities.service';
import { ActivityAccess } from './activity-access.service';
import { ActivitySignupsRepository } from './activity-signups.repository';
import { ActivityViews } from './activity-views';
import { HourRequestsRepository } from './hour-requests/hour-requests.repository';
import { HourRequestsService } from './hour-requests/hour-requests.service';
import { CancelSignupUseCase } from './usecases/cancel-signup.usecase';
import { CheckInUseCase } from './usecases/check-in.usecase';
import { CorrectAttendanceUseCase } from './usecases/correct-attendance.usecase';
import { CreateActivityUseCase } from './usecases/create-activity.usecase';
import { SignUpUseCase } from './usecases/sign-up.usecase';
import { VerifyAttendanceUseCase } from './usecases/verify-attendance.usecase';

const PROVIDERS = [
  ActivitiesRepository,
  ActivitySignupsRepository,
  HourRequestsRepository,
  ActivityAccess,
  ActivityViews,
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
@Module({ imports: [ProfilesModule, OrganizationDirectoryModule], providers: PROVIDERS, exports: PROVIDERS })
export class ActivitiesModule {}
