import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../messaging/job-queue.service';
import { MetricsRegistry } from './metrics-registry';
import { MonitoredQueues } from './monitored-queues';

/** `linli_queue_jobs{queue,state}`, read from Redis when Prometheus scrapes. */
@Injectable()
export class QueueDepthMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly queues: JobQueue,
    private readonly monitored: MonitoredQueues,
  ) {}

  onModuleInit(): void {
    const queues = this.queues;
    const names = this.monitored.names;
    this.metrics.gauge('linli_queue_jobs', 'Jobs per queue and state', ['queue', 'state'], async function collect() {
      this.reset();
      for (const name of names) {
        try {
          const counts = await queues.get(name).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
          for (const [state, count] of Object.entries(counts)) this.set({ queue: name, state }, count);
        } catch {
          // Redis unreachable: the gauge is absent; /ready reports it.
        }
      }
    });
  }
}
