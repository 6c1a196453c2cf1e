import { Module } from '@nestjs/common';
import { AssessmentsController } from './assessments.controller';
import { PointsAssessmentModule } from './points-assessment.module';

/** HTTP face of the assessment and leaderboards; mounted by the api. */
@Module({ imports: [PointsAssessmentModule], controllers: [AssessmentsController] })
export class PointsAssessmentHttpModule {}
