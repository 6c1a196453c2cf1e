import { Module } from '@nestjs/common';
import { ActivitiesModule } from './activities.module';
import { ActivitiesController } from './activities.controller';
import { ActivityAttendanceController } from './activity-attendance.controller';
import { ActivitySignupsController } from './activity-signups.controller';
import { HourRequestsController } from './hour-requests/hour-requests.controller';

/** HTTP face of the activities area; mounted by the api. */
@Module({
  imports: [ActivitiesModule],
  controllers: [ActivitiesController, ActivitySignupsController, ActivityAttendanceController, HourRequestsController],
})
export class ActivitiesHttpModule {}
