import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { LinliConfig } from '../config/linli-config';
import { ScheduleContext } from './schedule-context';
import { SCHEDULED } from './scheduled.decorator';
import { PeriodOffset, ScheduledOptions } from './scheduled.options';
import { UnknownScheduleError } from './unknown-schedule.error';

export interface RegisteredSchedule {
  name: string;
  cron: string;
  /** The cron's zone (the schedule's own, else the business zone). */
  timeZone: string;
  period: ScheduledOptions['period'];
  periodOffset: PeriodOffset;
  /** Where it is declared, e.g. `StructureCheckJob.check`. */
  declaredBy: string;
  invoke(context: ScheduleContext): Promise<unknown>;
}

/** Every `@Scheduled` method of this app, found at boot; two schedules with one name fail the boot. */
@Injectable()
export class ScheduleRegistry implements OnModuleInit {
  private readonly logger = new Logger(ScheduleRegistry.name);
  private readonly schedules = new Map<string, RegisteredSchedule>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly config: LinliConfig,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || wrapper.isAlias) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const options = this.reflector.get<ScheduledOptions | undefined>(SCHEDULED, prototype[method] as () => unknown);
        if (!options) continue;
        const declaredBy = `${instance.constructor.name}.${method}`;
        if (!wrapper.isDependencyTreeStatic())
          throw new Error(`@Scheduled "${options.name}" (${declaredBy}) must be on a singleton provider`);
        const existing = this.schedules.get(options.name);
        if (existing)
          throw new Error(`two schedules are named "${options.name}": ${existing.declaredBy} and ${declaredBy}`);
        this.schedules.set(options.name, {
          name: options.name,
          cron: options.cron.trim(),
          timeZone: options.timeZone ?? this.config.timeZone,
          period: options.period,
          periodOffset: options.periodOffset ?? 'current',
          declaredBy,
          invoke: (context) =>
            (instance[method] as (context: ScheduleContext) => Promise<unknown>).call(instance, context),
        });
      }
    }
    if (this.schedules.size > 0) this.logger.log(`schedules: ${this.names().join(', ')}`);
  }

  all(): RegisteredSchedule[] {
    return [...this.schedules.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  names(): string[] {
    return this.all().map((s) => s.name);
  }

  get(name: string): RegisteredSchedule {
    const schedule = this.schedules.get(name);
    if (!schedule) throw new UnknownScheduleError(name, this.names());
    return schedule;
  }
}
