import { Module } from '@nestjs/common';
import { ConventionsModule } from './conventions.module';

/** Jobs face of the conventions area; mounted by the scheduler. */
@Module({ imports: [ConventionsModule], providers: [] })
export class ConventionsJobsModule {}
