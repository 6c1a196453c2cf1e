import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { LinliConfig } from '@linli/platform';
import { enabledDomains } from '../domain-catalog';

/**
 * The api's OpenAPI document, as served at `/docs-json` and read by the client generator
 * (tools/client). Deterministic: it depends only on the mounted modules, listed in catalog order.
 */
export function buildOpenApiDocument(app: INestApplication, config: LinliConfig): OpenAPIObject {
  const modules = enabledDomains(config.modules).map((d) => `${d.name} (${d.displayName})`);
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Linli 邻里 API')
      .setDescription(
        `Party-building-led urban grassroots governance. Enabled modules: ${modules.join(', ') || 'kernel only'}.`,
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}
