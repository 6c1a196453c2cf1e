import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LinliConfig } from '@linli/platform';
import { AppOptions } from '../app-options';
import { createHttpApp, initOrClose } from '../http-app';
import { SchedulerModule } from './scheduler.module';

/** The scheduler worker; its only HTTP is /health, /ready and /metrics. */
export async function createSchedulerApp(
  config: LinliConfig,
  options: AppOptions = {},
): Promise<NestFastifyApplication> {
  const app = await createHttpApp(SchedulerModule.forRoot(config, options.extraModules), config);
  await initOrClose(app);
  return app;
}
