import multipart from '@fastify/multipart';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { LinliConfig, UPLOAD_LIMITS } from '@linli/platform';
import { AppOptions } from '../app-options';
import { createHttpApp, initOrClose } from '../http-app';
import { ApiModule } from './api.module';
import { registerHttpSecurity } from './http-security';
import { buildOpenApiDocument } from './openapi-document';
import { mountQueueDashboard } from './queue-dashboard';

/** Builds the api application (not yet listening): what `main.ts` runs and what tests boot in-process. */
export async function createApiApp(config: LinliConfig, options: AppOptions = {}): Promise<NestFastifyApplication> {
  const app = await createHttpApp(ApiModule.forRoot(config, options.extraModules), config);
  app.setGlobalPrefix('api/v1', { exclude: ['health', 'ready', 'metrics'] });
  await registerHttpSecurity(app, config);
  // multipart/form-data for uploads (imports). Registered here, before init: registered later from a
  // module, Fastify would answer body errors (413, bad JSON) itself instead of the problem+json filter.
  await app.register(multipart, { limits: { ...UPLOAD_LIMITS } });
  if (config.docsEnabled) mountDocs(app, config);
  await mountQueueDashboard(app);
  await initOrClose(app);
  return app;
}

/** OpenAPI at /docs (Swagger UI) and /docs-json; off in production unless `DOCS_ENABLED=true`. */
function mountDocs(app: NestFastifyApplication, config: LinliConfig): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app, config), { jsonDocumentUrl: 'docs-json' });
}
