import { Module } from '@nestjs/common';
import { PropertyCompaniesModule } from './companies.module';

/** Jobs face of the companies area; mounted by the scheduler. */
@Module({ imports: [PropertyCompaniesModule], providers: [] })
export class PropertyCompaniesJobsModule {}
