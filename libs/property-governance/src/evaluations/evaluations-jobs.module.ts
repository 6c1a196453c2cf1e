import { Module } from '@nestjs/common';
import { PropertyEvaluationsModule } from './evaluations.module';

/** Jobs face of the evaluations area; mounted by the scheduler. */
@Module({ imports: [PropertyEvaluationsModule], providers: [] })
export class PropertyEvaluationsJobsModule {}
