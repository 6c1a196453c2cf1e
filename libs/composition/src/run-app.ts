import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError, LinliConfig } from '@linli/platform';
import { loadLinliConfig } from './load-linli-config';

/**
 * Entry point of each app's `main.ts`: validates configuration (an invalid value stops the process
 * naming the variable), builds the app and listens.
 */
export async function runApp(
  name: string,
  create: (config: LinliConfig) => Promise<NestFastifyApplication>,
  port: (config: LinliConfig) => number,
): Promise<void> {
  let config: LinliConfig;
  try {
    config = loadLinliConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`linli ${name}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await create(config);
  await app.listen({ port: port(config), host: process.env.HOST ?? '0.0.0.0' });
  process.stdout.write(`linli ${name} listening on http://127.0.0.1:${port(config)}\n`);
}
