import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { ProfilesModule } from '../profiles/profiles.module';
import { PostAccess } from './post-access.service';
import { PostShiftsService } from './post-shifts.service';
import { PostViews } from './post-views';
import { PostShiftsRepository } from './post-shifts.repository';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';
import { ShiftReminders } from './shift-reminders.service';
import { ClaimShiftUseCase } from './usecases/claim-shift.usecase';
import { RecordAttendanceUseCase } from './usecases/record-attendance.usecase';
import { ReleaseClaimUseCase } from './usecases/release-claim.usecase';
import { VerifyShiftUseCase } from './usecases/verify-shift.usecase';

const PROVIDERS = [
  PostsRepository,
  PostShiftsRepository,
  PostAccess,
  PostViews,
  PostsService,
  PostShiftsService,
  ClaimShiftUseCase,
  ReleaseClaimUseCase,
  RecordAttendanceUseCase,
  VerifyShiftUseCase,
  ShiftReminders,
];

/** Domain face of service posts: publishing, claims, shift attendance and verification, reminders. */
@Module({ imports: [ProfilesModule, OrganizationDirectoryModule], providers: PROVIDERS, exports: PROVIDERS })
export class PostsModule {}
