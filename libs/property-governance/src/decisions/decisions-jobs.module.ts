import { Module } from '@nestjs/common';
import { PropertyDecisionsModule } from './decisions.module';

/** Jobs face of the decisions area; mounted by the scheduler. */
@Module({ imports: [PropertyDecisionsModule], providers: [] })
export class PropertyDecisionsJobsModule {}
