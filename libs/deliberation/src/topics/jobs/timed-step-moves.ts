import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { TopicRecord } from '../topic-record';
import { TopicStepChanger } from '../topic-step-changer';
import { TopicStep } from '../topic-steps';
import { TopicsRepository } from '../topics.repository';
import { FIRST_ID } from './topic-jobs.repository';

const BATCH = 200;

/** One kind of step change that happens by time (a job's work). */
export interface TimedMove {
  /** The job's schedule name, recorded as the author of the step change. */
  job: string;
  to: TopicStep;
  reason: string;
  /** The next page of candidate topic ids after `after` (by id, unlocked). */
  candidates(after: string, limit: number): Promise<string[]>;
  /** Whether the topic, read under its lock, is still due (another run, or a user, may have moved it). */
  stillDue(manager: EntityManager, topic: TopicRecord): Promise<boolean>;
  /** More work in the move's transaction (a notification). */
  afterMove?(manager: EntityManager, moved: TopicRecord): Promise<void>;
}

/**
 * Runs a timed move over every due topic, a page of candidates at a time: each topic in its own
 * short transaction that takes the topic's row lock, re-checks the condition and moves it through
 * `TopicStepChanger`. Two runs at the same moment queue on the lock and the second finds the topic
 * moved, so nothing moves twice. A topic that fails does not stop the others; the run then fails
 * (and is retried) naming them.
 */
@Injectable()
export class TimedStepMoves {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly topics: TopicsRepository,
    private readonly changer: TopicStepChanger,
  ) {}

  async run(move: TimedMove, now: Date): Promise<{ moved: number; skipped: number }> {
    let moved = 0;
    let skipped = 0;
    const failed: string[] = [];
    let after = FIRST_ID;
    for (;;) {
      const ids = await move.candidates(after, BATCH);
      if (ids.length === 0) break;
      after = ids[ids.length - 1];
      for (const id of ids) {
        try {
          if (await this.moveOne(move, id, now)) moved += 1;
          else skipped += 1;
        } catch (error) {
          failed.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    if (failed.length > 0) throw new Error(`${move.job}: ${failed.length} topic(s) failed: ${failed.join('; ')}`);
    return { moved, skipped };
  }

  private moveOne(move: TimedMove, id: string, now: Date): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const topic = await this.topics.readOne(manager, id, { lock: true });
      if (!topic || !(await move.stillDue(manager, topic))) return false;
      const moved = await this.changer.move(manager, topic, move.to, { job: move.job, reason: move.reason }, now);
      await move.afterMove?.(manager, moved);
      return true;
    });
  }
}
