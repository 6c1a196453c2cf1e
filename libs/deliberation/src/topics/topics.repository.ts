import { Injectable } from '@nestjs/common';
import { Page, PageQueryDto, paginateRaw, queryRows, SqlCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { TopicDecision, TopicRecord, TopicStatus } from './topic-record';
import { TopicSource, TopicStep } from './topic-steps';

export interface TopicRow {
  id: string;
  unit_id: string;
  unit_path: string;
  title: string;
  description: string | null;
  category: string;
  source: TopicSource;
  step: TopicStep;
  status: TopicStatus;
  merged_into_id: string | null;
  proposal_id: string | null;
  step_entered_at: Date;
  review_round: number;
  required_parties: string[];
  decision: TopicDecision | null;
  notice_ends_at: Date | null;
  responsible_party: string | null;
  progress_percent: number;
  execution_ended_at: Date | null;
  evaluation_opens_at: Date | null;
  evaluation_closes_at: Date | null;
  opinion_count: number;
  supporter_count: number;
  rating_count: number;
  rating_sum: number;
  created_by_user_id: string;
  created_by_person_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export function toTopicRecord(row: TopicRow): TopicRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    title: row.title,
    description: row.description,
    category: row.category,
    source: row.source,
    step: row.step,
    status: row.status,
    mergedIntoId: row.merged_into_id,
    proposalId: row.proposal_id,
    stepEnteredAt: row.step_entered_at,
    reviewRound: row.review_round,
    requiredParties: row.required_parties,
    decision: row.decision,
    noticeEndsAt: row.notice_ends_at,
    responsibleParty: row.responsible_party,
    progressPercent: row.progress_percent,
    executionEndedAt: row.execution_ended_at,
    evaluationOpensAt: row.evaluation_opens_at,
    evaluationClosesAt: row.evaluation_closes_at,
    opinionCount: row.opinion_count,
    supporterCount: row.supporter_count,
    ratingCount: row.rating_count,
    ratingSum: row.rating_sum,
    createdByUserId: row.created_by_user_id,
    createdByPersonId: row.created_by_person_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewTopic {
  unitId: string;
  unitPath: string;
  title: string;
  description: string | null;
  category: string;
  source: TopicSource;
  requiredParties: string[];
  proposalId: string | null;
  createdByUserId: string;
  createdByPersonId: string | null;
  createdAt: Date;
}

/** Columns a step change may set along with the step (the step's own dates and state). */
export interface StepFields {
  noticeEndsAt?: Date | null;
  reviewRound?: number;
  evaluationOpensAt?: Date | null;
  evaluationClosesAt?: Date | null;
}

/** Which topics a list shows, on top of what the caller may see. */
export interface TopicFilter {
  /** Only at or below this unit. */
  unitPath?: string;
  step?: TopicStep;
  category?: string;
  status?: TopicStatus;
}

/** One recorded step change (who or which job, when, why). */
export interface StepChangeRecord {
  id: string;
  fromStep: TopicStep | null;
  toStep: TopicStep;
  reason: string | null;
  changedByUserId: string | null;
  changedByJob: string | null;
  changedAt: Date;
}

/**
 * Topics themselves (`deliberation_topics`) and their step history (`deliberation_step_changes`).
 * Opinions, reviews, objections, execution and ratings have their own repositories in this area.
 */
@Injectable()
export class TopicsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, topic: NewTopic): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO deliberation_topics (unit_id, unit_path, title, description, category, source, required_parties,
                                        proposal_id, step, step_entered_at, created_by_user_id, created_by_person_id,
                                        created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'collect', $9, $10, $11, $9, $9) RETURNING id`,
      [
        topic.unitId,
        topic.unitPath,
        topic.title,
        topic.description,
        topic.category,
        topic.source,
        topic.requiredParties,
        topic.proposalId,
        topic.createdAt,
        topic.createdByUserId,
        topic.createdByPersonId,
      ],
    );
    return row.id;
  }

  /** The topic, or undefined. `lock` takes its row lock (every change of a topic queues on it). */
  async readOne(
    manager: EntityManager = this.dataSource.manager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<TopicRecord | undefined> {
    const rows = await queryRows<TopicRow>(
      manager,
      `SELECT * FROM deliberation_topics WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toTopicRecord(rows[0]) : undefined;
  }

  async readMany(manager: EntityManager, ids: string[]): Promise<TopicRecord[]> {
    if (ids.length === 0) return [];
    const rows = await queryRows<TopicRow>(manager, `SELECT * FROM deliberation_topics WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
    return rows.map(toTopicRecord);
  }

  async setStep(manager: EntityManager, id: string, step: TopicStep, at: Date, fields: StepFields): Promise<void> {
    const sets = ['step = $2', 'step_entered_at = $3', 'updated_at = $3'];
    const params: unknown[] = [id, step, at];
    const columns: Record<keyof StepFields, string> = {
      noticeEndsAt: 'notice_ends_at',
      reviewRound: 'review_round',
      evaluationOpensAt: 'evaluation_opens_at',
      evaluationClosesAt: 'evaluation_closes_at',
    };
    for (const key of Object.keys(columns) as (keyof StepFields)[]) {
      if (fields[key] === undefined) continue;
      params.push(fields[key]);
      sets.push(`${columns[key]} = $${params.length}`);
    }
    await manager.query(`UPDATE deliberation_topics SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  async recordStepChange(
    manager: EntityManager,
    change: {
      topicId: string;
      from: TopicStep | null;
      to: TopicStep;
      reason: string | null;
      userId?: string;
      job?: string;
      at: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO deliberation_step_changes (topic_id, from_step, to_step, reason, changed_by_user_id, changed_by_job, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [change.topicId, change.from, change.to, change.reason, change.userId ?? null, change.job ?? null, change.at],
    );
  }

  /** A page of the topics `visible` (on the alias `t`) lets the caller see, newest first. */
  async page(visible: SqlCondition, filter: TopicFilter, page: PageQueryDto): Promise<Page<TopicRecord>> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select('t.*')
      .from('deliberation_topics', 't')
      .where(visible.sql, visible.params);
    if (filter.unitPath !== undefined)
      qb.andWhere(`(t.unit_path = :within OR starts_with(t.unit_path, :withinDot))`, {
        within: filter.unitPath,
        withinDot: `${filter.unitPath}.`,
      });
    if (filter.step) qb.andWhere('t.step = :step', { step: filter.step });
    if (filter.category) qb.andWhere('t.category = :category', { category: filter.category });
    if (filter.status) qb.andWhere('t.status = :status', { status: filter.status });
    const rows = await paginateRaw<TopicRow>(qb, page, {
      sortColumn: 't.created_at',
      sortKey: (row) => row.created_at,
      tieColumn: 't.id',
      tieKey: (row) => row.id,
      direction: 'DESC',
    });
    return { items: rows.items.map(toTopicRecord), nextCursor: rows.nextCursor };
  }

  /** The topic's step changes, oldest first. */
  async history(manager: EntityManager = this.dataSource.manager, topicId: string): Promise<StepChangeRecord[]> {
    return queryRows<StepChangeRecord>(
      manager,
      `SELECT id, from_step AS "fromStep", to_step AS "toStep", reason, changed_by_user_id AS "changedByUserId",
              changed_by_job AS "changedByJob", changed_at AS "changedAt"
         FROM deliberation_step_changes WHERE topic_id = $1 ORDER BY seq`,
      [topicId],
    );
  }

  /** Records (or clears, when an upheld objection reopens review) the topic's decision. */
  async setDecision(manager: EntityManager, id: string, decision: TopicDecision | null, at: Date): Promise<void> {
    await manager.query(`UPDATE deliberation_topics SET decision = $2, updated_at = $3 WHERE id = $1`, [
      id,
      decision === null ? null : JSON.stringify(decision),
      at,
    ]);
  }

  async withdraw(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE deliberation_topics SET status = 'withdrawn', updated_at = $2 WHERE id = $1`, [id, at]);
  }

  async markMerged(manager: EntityManager, id: string, intoId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE deliberation_topics SET status = 'merged', merged_into_id = $2, updated_at = $3 WHERE id = $1`,
      [id, intoId, at],
    );
  }
}
