export * from './health.controller';
export * from './http-metrics';
export * from './logging.module';
export * from './metrics-registry';
export * from './monitored-queues';
export * from './ops.module';
export * from './readiness.service';
