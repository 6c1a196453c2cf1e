import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LinliConfig } from '@linli/platform';
import { createHttpApp } from '../http-app';
import { SchedulerModule } from './scheduler.module';

/** The scheduler worker; its only HTTP is /health, /ready and /metrics. */
export async function createSchedulerApp(config: LinliConfig): Promise<NestFastifyApplication> {
  const app = await createHttpApp(SchedulerModule.forRoot(config), config);
  await app.init();
  return app;
}
