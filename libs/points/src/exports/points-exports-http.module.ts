import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { PointsAccountsModule } from '../accounts/points-accounts.module';
import { PointsAssessmentModule } from '../assessment/points-assessment.module';
import { PointsExportsController } from './points-exports.controller';
import { PointsExports } from './points-exports.service';

/** HTTP face of the CSV/XLSX exports of assessment results and ledgers; mounted by the api. */
@Module({
  imports: [PointsAssessmentModule, PointsAccountsModule, OrganizationDirectoryModule],
  providers: [PointsExports],
  controllers: [PointsExportsController],
})
export class PointsExportsHttpModule {}
