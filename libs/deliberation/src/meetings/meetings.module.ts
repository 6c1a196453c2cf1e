import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { DeliberationAccessModule } from '../access/deliberation-access.module';
import { TopicsModule } from '../topics/topics.module';
import { JointMembersRepository } from './joint-members.repository';
import { JointMembersService } from './joint-members.service';
import { MeetingAccess } from './meeting-access';
import { MeetingViews } from './meeting-views';
import { MeetingsNotifier } from './meetings-notifier';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { CreateMeetingUseCase } from './usecases/create-meeting.usecase';
import { RecordAttendanceUseCase } from './usecases/record-attendance.usecase';
import { RecordMinutesUseCase } from './usecases/record-minutes.usecase';

const PROVIDERS = [
  MeetingsRepository,
  JointMembersRepository,
  MeetingAccess,
  MeetingViews,
  MeetingsNotifier,
  MeetingsService,
  JointMembersService,
  CreateMeetingUseCase,
  RecordAttendanceUseCase,
  RecordMinutesUseCase,
];

/** Domain face of the meetings area: meetings of the seven kinds, agenda, attendance, minutes, joint-meeting members. */
@Module({
  imports: [OrganizationDirectoryModule, DeliberationAccessModule, TopicsModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class MeetingsModule {}
