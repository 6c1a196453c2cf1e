import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { AssessmentResults } from './assessment-results.service';
import { QuarterlyAssessment } from './quarterly-assessment.service';

/** Domain face of the quarterly assessment and leaderboards. */
@Module({
  imports: [OrganizationDirectoryModule],
  providers: [QuarterlyAssessment, AssessmentResults],
  exports: [QuarterlyAssessment, AssessmentResults],
})
export class PointsAssessmentModule {}
