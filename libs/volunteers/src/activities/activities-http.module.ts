import { Module } from '@nestjs/common';
import { ActivitiesModule } from './activities.module';

/** HTTP face of the activities area; mounted by the api. */
@Module({ imports: [ActivitiesModule] })
export class ActivitiesHttpModule {}
