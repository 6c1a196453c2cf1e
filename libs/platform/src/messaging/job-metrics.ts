import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from '../ops/metrics-registry';

/** Counts job outcomes per queue and job name for `/metrics`. */
@Injectable()
export class JobMetrics {
  private readonly outcomes: Counter<'queue' | 'job' | 'outcome'>;

  constructor(metrics: MetricsRegistry) {
    this.outcomes = metrics.counter('linli_job_outcomes_total', 'Jobs finished, by queue, job name and outcome', [
      'queue',
      'job',
      'outcome',
    ]);
  }

  record(queue: string, job: string, outcome: 'completed' | 'failed'): void {
    this.outcomes.inc({ queue, job, outcome });
  }
}
