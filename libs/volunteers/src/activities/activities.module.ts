import { Module } from '@nestjs/common';

/** Domain face of the activities area. */
@Module({})
export class ActivitiesModule {}
