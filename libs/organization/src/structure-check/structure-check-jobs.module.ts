import { Module } from '@nestjs/common';
import { StructureCheckJob } from './structure-check.job';
import { StructureCheckModule } from './structure-check.module';

/** The monthly structure check schedule; mounted by the scheduler. */
@Module({ imports: [StructureCheckModule], providers: [StructureCheckJob] })
export class StructureCheckJobsModule {}
