import { Module } from '@nestjs/common';
import { PropertyPartsModule } from './parts.module';

/** Jobs face of the parts area; mounted by the scheduler. */
@Module({ imports: [PropertyPartsModule], providers: [] })
export class PropertyPartsJobsModule {}
