import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock } from '@linli/platform';
import { seedDefaultPointRules } from '@linli/points';
import { DataSource } from 'typeorm';
import { bootApi, bootNotifier, bootScheduler, TestApi } from '../boot';
import { drain } from '../drain';
import { createUnitTree, ScenarioUnit, smallDistrict } from './unit-tree.scenario';

/** The three apps on this worker's database, for a path across api → scheduler (points rules) → notifier. */
export interface Pipeline {
  api: TestApi;
  scheduler: NestFastifyApplication;
  notifier: NestFastifyApplication;
  /** A unit of the small district by name (`社区A`, `楼栋A1-1`…). */
  unit(name: string): ScenarioUnit;
  /** Moves the api's clock (held at the start until then). */
  setNow(at: Date): void;
  /** Relays the outbox and runs every queued job on the scheduler and the notifier until none is left. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Boots api, scheduler and notifier (one after the other: a failed boot inside `Promise.all` would
 * leave the others open and Jest hanging), holds the api's clock at `start`, seeds the default
 * points rules (as `npm start` does in development) and creates the small district.
 */
export async function bootPipeline(start: Date): Promise<Pipeline> {
  const api = await bootApi();
  const opened: { close(): Promise<void> }[] = [api];
  try {
    const scheduler = await bootScheduler();
    opened.push(scheduler);
    const notifier = await bootNotifier();
    opened.push(notifier);
    let now = start;
    jest.spyOn(api.app.get(Clock), 'now').mockImplementation(() => new Date(now.getTime()));
    await seedDefaultPointRules(api.app.get(DataSource));
    const units = await createUnitTree(smallDistrict());
    return {
      api,
      scheduler,
      notifier,
      unit: (name) => {
        const unit = units.get(name);
        if (!unit) throw new Error(`bootPipeline: no unit named ${name}`);
        return unit;
      },
      setNow: (at) => {
        now = at;
      },
      drain: () => drain([scheduler, notifier]),
      close: async () => {
        await Promise.all(opened.map((app) => app.close()));
      },
    };
  } catch (error) {
    await Promise.all(opened.map((app) => app.close().catch(() => undefined)));
    throw error;
  }
}
