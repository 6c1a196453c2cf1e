import { Module } from '@nestjs/common';
import { EvaluationCampaignsController } from './evaluation-campaigns.controller';
import { PointsEvaluationModule } from './points-evaluation.module';

/** HTTP face of the two-way evaluation; mounted by the api. */
@Module({ imports: [PointsEvaluationModule], controllers: [EvaluationCampaignsController] })
export class PointsEvaluationHttpModule {}
