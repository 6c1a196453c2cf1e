import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobMetrics } from './job-metrics';
import { JobWorkerHost } from './job-worker-host';

/** The consumer side: imported by worker apps (scheduler, notifier), never by the api. */
@Module({ imports: [DiscoveryModule], providers: [JobWorkerHost, JobMetrics], exports: [JobWorkerHost] })
export class JobWorkersModule {}
