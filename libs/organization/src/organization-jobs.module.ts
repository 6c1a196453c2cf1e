import { Module } from '@nestjs/common';
import { StructureCheckJobsModule } from './structure-check/structure-check-jobs.module';

/** The organization jobs face (mounted by the scheduler). */
@Module({ imports: [StructureCheckJobsModule] })
export class OrganizationJobsModule {}
