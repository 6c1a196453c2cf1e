import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { EvaluationAnnualScores } from './evaluation-annual-scores.service';
import { EvaluationAssignments } from './evaluation-assignments';
import { EvaluationCampaigns } from './evaluation-campaigns.service';

/** Domain face of the two-way evaluation (双向评价). */
@Module({
  imports: [OrganizationDirectoryModule],
  providers: [EvaluationCampaigns, EvaluationAssignments, EvaluationAnnualScores],
  exports: [EvaluationCampaigns, EvaluationAnnualScores],
})
export class PointsEvaluationModule {}
