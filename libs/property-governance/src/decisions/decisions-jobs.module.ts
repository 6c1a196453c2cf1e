import { Module } from '@nestjs/common';
import { CloseDecisionsJob } from './close-decisions.job';
import { PropertyDecisionsModule } from './decisions.module';

/** Jobs face of the decisions area; mounted by the scheduler: closes decisions at their end time. */
@Module({ imports: [PropertyDecisionsModule], providers: [CloseDecisionsJob] })
export class PropertyDecisionsJobsModule {}
