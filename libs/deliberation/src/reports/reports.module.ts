import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { DeliberationAccessModule } from '../access/deliberation-access.module';
import { MonthlyReportComputation } from './monthly-report-computation';
import { MonthlyReportReader } from './monthly-report-reader';
import { MonthlyReportRecompute } from './monthly-report-recompute';
import { MonthlyReportRepository } from './monthly-report.repository';

const PROVIDERS = [MonthlyReportRepository, MonthlyReportComputation, MonthlyReportReader, MonthlyReportRecompute];

/** Domain face of the reports area: the monthly deliberation report per community and its sums over subtrees. */
@Module({ imports: [OrganizationDirectoryModule, DeliberationAccessModule], providers: PROVIDERS, exports: PROVIDERS })
export class ReportsModule {}
