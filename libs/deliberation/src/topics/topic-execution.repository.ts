import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';

export interface MilestoneRecord {
  id: string;
  topicId: string;
  title: string;
  /** Calendar date `YYYY-MM-DD`. */
  dueOn: string;
  doneAt: Date | null;
  overdueFlaggedAt: Date | null;
  createdAt: Date;
}

export interface ProgressReportRecord {
  id: string;
  percent: number;
  note: string;
  evidence: string[];
  recordedByUserId: string;
  createdAt: Date;
}

const MILESTONE_COLUMNS = `id, topic_id AS "topicId", title, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", done_at AS "doneAt",
  overdue_flagged_at AS "overdueFlaggedAt", created_at AS "createdAt"`;
const PROGRESS_COLUMNS = `id, percent, note, evidence, recorded_by_user_id AS "recordedByUserId", created_at AS "createdAt"`;

/**
 * Execution (执行: the responsible party, milestones, progress reports with evidence) and
 * evaluation (评估: one rating per resident, the topic's count and sum kept beside them).
 */
@Injectable()
export class TopicExecutionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertMilestone(
    manager: EntityManager,
    milestone: { topicId: string; title: string; dueOn: string; userId: string; at: Date },
  ): Promise<MilestoneRecord> {
    const [row] = await queryRows<MilestoneRecord>(
      manager,
      `INSERT INTO deliberation_milestones (topic_id, title, due_on, created_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${MILESTONE_COLUMNS}`,
      [milestone.topicId, milestone.title, milestone.dueOn, milestone.userId, milestone.at],
    );
    return row;
  }

  /** Marks the topic's milestone done (once; a second time keeps the first time). Undefined for another topic's. */
  async markDone(
    manager: EntityManager,
    topicId: string,
    milestoneId: string,
    at: Date,
  ): Promise<MilestoneRecord | undefined> {
    const [row] = await queryRows<MilestoneRecord>(
      manager,
      `UPDATE deliberation_milestones SET done_at = COALESCE(done_at, $3)
        WHERE id = $1 AND topic_id = $2 RETURNING ${MILESTONE_COLUMNS}`,
      [milestoneId, topicId, at],
    );
    return row;
  }

  /** Milestones of the topics, by due date. */
  async milestones(
    manager: EntityManager = this.dataSource.manager,
    topicIds: string[],
  ): Promise<Map<string, MilestoneRecord[]>> {
    const byTopic = new Map<string, MilestoneRecord[]>(topicIds.map((id) => [id, []]));
    if (topicIds.length === 0) return byTopic;
    const rows = await queryRows<MilestoneRecord>(
      manager,
      `SELECT ${MILESTONE_COLUMNS} FROM deliberation_milestones WHERE topic_id = ANY($1::uuid[]) ORDER BY due_on, created_at, id`,
      [topicIds],
    );
    for (const row of rows) byTopic.get(row.topicId)?.push(row);
    return byTopic;
  }

  async insertProgress(
    manager: EntityManager,
    report: { topicId: string; percent: number; note: string; evidence: string[]; userId: string; at: Date },
  ): Promise<ProgressReportRecord> {
    const [row] = await queryRows<ProgressReportRecord>(
      manager,
      `INSERT INTO deliberation_progress_reports (topic_id, percent, note, evidence, recorded_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${PROGRESS_COLUMNS}`,
      [report.topicId, report.percent, report.note, report.evidence, report.userId, report.at],
    );
    return row;
  }

  progressReports(manager: EntityManager = this.dataSource.manager, topicId: string): Promise<ProgressReportRecord[]> {
    return queryRows<ProgressReportRecord>(
      manager,
      `SELECT ${PROGRESS_COLUMNS} FROM deliberation_progress_reports WHERE topic_id = $1 ORDER BY created_at, id`,
      [topicId],
    );
  }

  /** The topic's progress (and, when given, its responsible party); execution ends when `endedAt` is set. */
  async setProgress(
    manager: EntityManager,
    topicId: string,
    progress: { percent: number; responsibleParty?: string; endedAt: Date | null; at: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE deliberation_topics
          SET progress_percent = $2, responsible_party = COALESCE($3, responsible_party),
              execution_ended_at = COALESCE(execution_ended_at, $4), updated_at = $5
        WHERE id = $1`,
      [topicId, progress.percent, progress.responsibleParty ?? null, progress.endedAt, progress.at],
    );
  }

  async setResponsible(manager: EntityManager, topicId: string, party: string, at: Date): Promise<void> {
    await manager.query(`UPDATE deliberation_topics SET responsible_party = $2, updated_at = $3 WHERE id = $1`, [
      topicId,
      party,
      at,
    ]);
  }

  /** Records the resident's rating once; answers false when they rated already. */
  async rate(
    manager: EntityManager,
    rating: { topicId: string; personId: string; score: number; comment: string | null; at: Date },
  ): Promise<boolean> {
    const inserted = await queryRows(
      manager,
      `INSERT INTO deliberation_ratings (topic_id, person_id, score, comment, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING person_id`,
      [rating.topicId, rating.personId, rating.score, rating.comment, rating.at],
    );
    if (inserted.length === 0) return false;
    await manager.query(
      `UPDATE deliberation_topics SET rating_count = rating_count + 1, rating_sum = rating_sum + $2, updated_at = $3
        WHERE id = $1`,
      [rating.topicId, rating.score, rating.at],
    );
    return true;
  }
}
