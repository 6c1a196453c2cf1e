import { Module } from '@nestjs/common';
import { JointMembersController } from './joint-members.controller';
import { MeetingAttendanceController } from './meeting-attendance.controller';
import { MeetingKindsController } from './meeting-kinds.controller';
import { MeetingsController } from './meetings.controller';
import { MeetingsModule } from './meetings.module';

/** HTTP face of the meetings area; mounted by the api. */
@Module({
  imports: [MeetingsModule],
  controllers: [MeetingKindsController, MeetingsController, MeetingAttendanceController, JointMembersController],
})
export class MeetingsHttpModule {}
