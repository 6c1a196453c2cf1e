import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';

/** Keyset start: below every uuid. */
export const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/** An open milestone past its due date, with its topic. */
export interface OverdueMilestoneRow {
  id: string;
  topic_id: string;
  title: string;
  due_on: string;
  topic_title: string;
  topic_unit_path: string;
}

/**
 * The SQL of the topics jobs: the candidates of each timed step change (a page at a time, by id
 * after `after`, read without locks: each is re-checked under the topic's lock), pending
 * objections, and the overdue flag of milestones.
 */
@Injectable()
export class TopicJobsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Topics in public notice whose notice has ended and against which no objection is pending. */
  async noticesEnded(now: Date, after: string, limit: number): Promise<string[]> {
    return this.ids(
      `SELECT t.id FROM deliberation_topics t
        WHERE t.step = 'notice' AND t.status = 'active' AND t.notice_ends_at <= $1 AND t.id > $2
          AND NOT EXISTS (SELECT 1 FROM deliberation_objections o WHERE o.topic_id = t.id AND o.status = 'pending')
        ORDER BY t.id LIMIT $3`,
      [now, after, limit],
    );
  }

  /** Topics in execution whose execution ended at or before `endedBy`. */
  async executionsEnded(endedBy: Date, after: string, limit: number): Promise<string[]> {
    return this.ids(
      `SELECT t.id FROM deliberation_topics t
        WHERE t.step = 'execute' AND t.status = 'active' AND t.execution_ended_at IS NOT NULL
          AND t.execution_ended_at <= $1 AND t.id > $2
        ORDER BY t.id LIMIT $3`,
      [endedBy, after, limit],
    );
  }

  /** Topics in evaluation whose evaluation window has closed. */
  async evaluationsClosed(now: Date, after: string, limit: number): Promise<string[]> {
    return this.ids(
      `SELECT t.id FROM deliberation_topics t
        WHERE t.step = 'evaluate' AND t.status = 'active' AND t.evaluation_closes_at <= $1 AND t.id > $2
        ORDER BY t.id LIMIT $3`,
      [now, after, limit],
    );
  }

  async hasPendingObjection(manager: EntityManager, topicId: string): Promise<boolean> {
    const rows = await queryRows<{ one: number }>(
      manager,
      `SELECT 1 AS one FROM deliberation_objections WHERE topic_id = $1 AND status = 'pending' LIMIT 1`,
      [topicId],
    );
    return rows.length > 0;
  }

  /** Milestones due before `today` (a business date), not done, not yet flagged, of active topics in execution. */
  overdueMilestones(today: string, after: string, limit: number): Promise<OverdueMilestoneRow[]> {
    return queryRows<OverdueMilestoneRow>(
      this.dataSource.manager,
      `SELECT m.id, m.topic_id, m.title, to_char(m.due_on, 'YYYY-MM-DD') AS due_on,
              t.title AS topic_title, t.unit_path AS topic_unit_path
         FROM deliberation_milestones m JOIN deliberation_topics t ON t.id = m.topic_id
        WHERE m.due_on < $1::date AND m.done_at IS NULL AND m.overdue_flagged_at IS NULL
          AND t.step = 'execute' AND t.status = 'active' AND m.id > $2
        ORDER BY m.id LIMIT $3`,
      [today, after, limit],
    );
  }

  /**
   * Flags those of `ids` still overdue and unflagged; answers the ids this call flagged (a
   * concurrent run waits on the rows and then finds them flagged: it flags nothing).
   */
  async flagOverdue(manager: EntityManager, ids: string[], today: string, now: Date): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE deliberation_milestones SET overdue_flagged_at = $3
        WHERE id = ANY($1::uuid[]) AND due_on < $2::date AND done_at IS NULL AND overdue_flagged_at IS NULL
        RETURNING id`,
      [ids, today, now],
    );
    return rows.map((row) => row.id);
  }

  private async ids(sql: string, params: unknown[]): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(this.dataSource.manager, sql, params);
    return rows.map((row) => row.id);
  }
}
