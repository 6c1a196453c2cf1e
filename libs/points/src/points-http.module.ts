import { Module } from '@nestjs/common';
import { PointsAccountsHttpModule } from './accounts/points-accounts-http.module';
import { PointsAssessmentHttpModule } from './assessment/points-assessment-http.module';
import { PointsAdjustmentsHttpModule } from './adjustments/points-adjustments-http.module';
import { PointsEvaluationHttpModule } from './evaluation/points-evaluation-http.module';
import { PointsExportsHttpModule } from './exports/points-exports-http.module';
import { PointRulesHttpModule } from './rules/point-rules-http.module';
import { PointsStoreHttpModule } from './store/points-store-http.module';

/** The points HTTP face (mounted by the api), under `/api/v1/points`. */
@Module({
  imports: [
    PointsAccountsHttpModule,
    PointsAdjustmentsHttpModule,
    PointRulesHttpModule,
    PointsAssessmentHttpModule,
    PointsStoreHttpModule,
    PointsExportsHttpModule,
    PointsEvaluationHttpModule,
  ],
})
export class PointsHttpModule {}
