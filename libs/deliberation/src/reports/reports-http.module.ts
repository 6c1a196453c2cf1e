import { Module } from '@nestjs/common';
import { MonthlyReportsController } from './monthly-reports.controller';
import { ReportsModule } from './reports.module';

/** HTTP face of the reports area; mounted by the api. */
@Module({ imports: [ReportsModule], controllers: [MonthlyReportsController] })
export class ReportsHttpModule {}
