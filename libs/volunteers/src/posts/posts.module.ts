import { Module } from '@nestjs/common';
import { PeopleModule, UnitsModule } from '@linli/organization';
import { ProfilesModule } from '../profiles/profiles.module';
import { MemberRegistrationsReader } from './member-registrations.reader';
import { PostAccess } from './post-access.service';
import { PostShiftsService } from './post-shifts.service';
import { PostViews } from './post-views';
import { PostsService } from './posts.service';
import { ShiftReminders } from './shift-reminders.service';
import { ClaimShiftUseCase } from './usecases/claim-shift/claim-shift.usecase';
import { RecordAttendanceUseCase } from './usecases/record-attendance/record-attendance.usecase';
import { ReleaseClaimUseCase } from './usecases/release-claim/release-claim.usecase';
import { VerifyShiftUseCase } from './usecases/verify-shift/verify-shift.usecase';

const PROVIDERS = [
  PostAccess,
  PostViews,
  MemberRegistrationsReader,
  PostsService,
  PostShiftsService,
  ClaimShiftUseCase,
  ReleaseClaimUseCase,
  RecordAttendanceUseCase,
  VerifyShiftUseCase,
  ShiftReminders,
];

/** Domain face of service posts: publishing, claims, shift attendance and verification, reminders. */
@Module({ imports: [ProfilesModule, UnitsModule, PeopleModule], providers: PROVIDERS, exports: PROVIDERS })
export class PostsModule {}
