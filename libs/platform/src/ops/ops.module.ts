import { DynamicModule, Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { MetricsRegistry } from './metrics-registry';
import { MonitoredQueues } from './monitored-queues';
import { QueueDepthMetrics } from './queue-depth.metrics';
import { ReadinessService } from './readiness.service';

/** Health, readiness and metrics; every app mounts it (workers expose only these routes). */
@Global()
@Module({})
export class OpsModule {
  static forRoot(queues: string[]): DynamicModule {
    return {
      module: OpsModule,
      controllers: [HealthController],
      providers: [
        MetricsRegistry,
        ReadinessService,
        QueueDepthMetrics,
        { provide: MonitoredQueues, useValue: new MonitoredQueues(queues) },
      ],
      exports: [MetricsRegistry, ReadinessService, MonitoredQueues],
    };
  }
}
