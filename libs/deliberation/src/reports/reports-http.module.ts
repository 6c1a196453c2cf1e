import { Module } from '@nestjs/common';
import { ReportsModule } from './reports.module';

/** HTTP face of the reports area; mounted by the api. */
@Module({ imports: [ReportsModule], controllers: [] })
export class ReportsHttpModule {}
