import { Module } from '@nestjs/common';
import { PointsAssessmentModule } from './points-assessment.module';
import { QuarterlyAssessmentJob } from './quarterly-assessment.job';

/** The quarterly assessment schedule; mounted by the scheduler. */
@Module({ imports: [PointsAssessmentModule], providers: [QuarterlyAssessmentJob] })
export class PointsAssessmentJobsModule {}
