import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LinliConfig } from '@linli/platform';
import { AppOptions } from '../app-options';
import { createHttpApp, initOrClose } from '../http-app';
import { NotifierModule } from './notifier.module';

/** The notifier worker; its only HTTP is /health, /ready and /metrics. */
export async function createNotifierApp(
  config: LinliConfig,
  options: AppOptions = {},
): Promise<NestFastifyApplication> {
  const app = await createHttpApp(NotifierModule.forRoot(config, options.extraModules), config);
  await initOrClose(app);
  return app;
}
