import { Module } from '@nestjs/common';
import { PropertySeatsModule } from './seats.module';

/** Jobs face of the seats area; mounted by the scheduler. */
@Module({ imports: [PropertySeatsModule], providers: [] })
export class PropertySeatsJobsModule {}
