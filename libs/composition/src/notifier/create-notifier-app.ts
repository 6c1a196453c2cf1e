import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LinliConfig } from '@linli/platform';
import { createHttpApp } from '../http-app';
import { NotifierModule } from './notifier.module';

/** The notifier worker; its only HTTP is /health, /ready and /metrics. */
export async function createNotifierApp(config: LinliConfig): Promise<NestFastifyApplication> {
  const app = await createHttpApp(NotifierModule.forRoot(config), config);
  await app.init();
  return app;
}
