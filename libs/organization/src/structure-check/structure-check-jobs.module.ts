import { Module } from '@nestjs/common';

/** The monthly structure check schedule; mounted by the scheduler. */
@Module({})
export class StructureCheckJobsModule {}
