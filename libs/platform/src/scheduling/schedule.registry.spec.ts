import { Injectable, Module, Type } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { LinliConfig } from '../config/linli-config';
import { ScheduleRegistry } from './schedule.registry';
import { Scheduled } from './scheduled.decorator';
import { UnknownScheduleError } from './unknown-schedule.error';

@Injectable()
class StructureJobs {
  @Scheduled({ name: 'organization.structure-check', cron: '0 3 1 * *', period: 'month', periodOffset: 'previous' })
  async check(): Promise<{ units: number }> {
    return { units: 0 };
  }

  @Scheduled({ name: 'organization.nightly', cron: '0 1 * * *', timeZone: 'UTC', period: 'day' })
  async nightly(): Promise<void> {
    // nothing to do in this test
  }
}

@Injectable()
class DuplicateJobs {
  @Scheduled({ name: 'organization.nightly', cron: '0 2 * * *', period: 'day' })
  async again(): Promise<void> {
    // never called: the boot fails first
  }
}

async function boot(...providers: Type[]): Promise<ScheduleRegistry> {
  @Module({
    imports: [DiscoveryModule],
    providers: [ScheduleRegistry, { provide: LinliConfig, useValue: { timeZone: 'Asia/Shanghai' } }, ...providers],
  })
  class TestModule {}
  const context = await NestFactory.createApplicationContext(TestModule, { logger: false, abortOnError: false });
  const registry = context.get(ScheduleRegistry);
  await context.close();
  return registry;
}

describe('ScheduleRegistry', () => {
  it('finds every @Scheduled method, defaulting the zone to the business zone and the offset to the current period', async () => {
    const registry = await boot(StructureJobs);
    expect(
      registry.all().map(({ name, cron, timeZone, period, periodOffset, declaredBy }) => ({
        name,
        cron,
        timeZone,
        period,
        periodOffset,
        declaredBy,
      })),
    ).toEqual([
      {
        name: 'organization.nightly',
        cron: '0 1 * * *',
        timeZone: 'UTC',
        period: 'day',
        periodOffset: 'current',
        declaredBy: 'StructureJobs.nightly',
      },
      {
        name: 'organization.structure-check',
        cron: '0 3 1 * *',
        timeZone: 'Asia/Shanghai',
        period: 'month',
        periodOffset: 'previous',
        declaredBy: 'StructureJobs.check',
      },
    ]);
  });

  it('invokes the declaring instance', async () => {
    const registry = await boot(StructureJobs);
    await expect(registry.get('organization.structure-check').invoke({} as never)).resolves.toEqual({ units: 0 });
  });

  it('names the known schedules when asked for an unknown one', async () => {
    const registry = await boot(StructureJobs);
    expect(() => registry.get('organization.nope')).toThrow(UnknownScheduleError);
    expect(() => registry.get('organization.nope')).toThrow(
      'known schedules: organization.nightly, organization.structure-check',
    );
  });

  it('fails the boot when two schedules share a name', async () => {
    await expect(boot(StructureJobs, DuplicateJobs)).rejects.toThrow(/two schedules are named "organization.nightly"/);
  });
});
