import { INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { LinliConfig } from '@linli/platform';
import { AppOptions } from '../app-options';
import { SchedulerModule } from './scheduler.module';

export interface SchedulerContextOptions extends AppOptions {
  /** Where Nest logs go (the CLI keeps stdout for its JSON output). */
  logger?: LoggerService | false;
}

/**
 * The scheduler's composition without HTTP and without background work (no queue workers, no
 * relay, no job-scheduler registration): what one-shot commands such as `npm run job` boot.
 */
export async function createSchedulerContext(
  config: LinliConfig,
  options: SchedulerContextOptions = {},
): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(
    SchedulerModule.forRoot(config, options.extraModules, { background: false }),
    {
      logger: options.logger ?? false,
      abortOnError: false,
    },
  );
  await context.init();
  return context;
}
