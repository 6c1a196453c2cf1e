import { Module } from '@nestjs/common';
import { DemandsModule } from './demands.module';

/** Jobs face of the demands area; mounted by the scheduler. */
@Module({ imports: [DemandsModule] })
export class DemandsJobsModule {}
