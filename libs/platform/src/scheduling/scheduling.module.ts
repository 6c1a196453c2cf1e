import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobRunner } from './job-runner.service';
import { RunScheduleHandler } from './run-schedule.handler';
import { ScheduleRegistrar } from './schedule.registrar';
import { ScheduleRegistry } from './schedule.registry';
import { SchedulingOptions } from './scheduling.options';

/** Job schedules and recorded runs; the scheduler only. */
@Module({
  imports: [DiscoveryModule],
  providers: [ScheduleRegistry, JobRunner, RunScheduleHandler, ScheduleRegistrar],
  exports: [ScheduleRegistry, JobRunner],
})
export class SchedulingModule {
  /** `background: false` (the CLI) runs schedules on request only and registers nothing with BullMQ. */
  static forRoot(options: { background: boolean }): DynamicModule {
    return {
      module: SchedulingModule,
      providers: [{ provide: SchedulingOptions, useValue: new SchedulingOptions(options.background) }],
    };
  }
}
