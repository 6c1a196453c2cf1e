import { Module } from '@nestjs/common';

/** Job schedules and recorded runs; the scheduler only. */
@Module({})
export class SchedulingModule {}
