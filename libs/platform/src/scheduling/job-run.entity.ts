import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type JobRunStatus = 'running' | 'succeeded' | 'failed';

/** The record of one scheduled job for one period; unique on (job, period_key). */
@Entity({ name: 'job_runs' })
export class JobRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  job: string;

  @Column({ name: 'period_key', type: 'varchar', length: 20 })
  periodKey: string;

  @Column({ type: 'varchar', length: 16 })
  status: JobRunStatus;

  /** Executions so far; a retry of a failed run and a forced recompute each add one. */
  @Column({ type: 'integer' })
  attempts: number;

  /** The latest execution was an explicit recompute of a succeeded period. */
  @Column({ type: 'boolean' })
  forced: boolean;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** Refreshed while running; a stale heartbeat lets another process take over a dead run. */
  @Column({ name: 'heartbeat_at', type: 'timestamptz' })
  heartbeatAt: Date;

  @Column({ type: 'jsonb', nullable: true })
  result: unknown;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
