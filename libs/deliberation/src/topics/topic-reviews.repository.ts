import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';

export interface ReviewRecord {
  id: string;
  round: number;
  party: string;
  opinion: string;
  feasible: boolean;
  recordedByUserId: string;
  createdAt: Date;
}

export type ObjectionStatus = 'pending' | 'upheld' | 'dismissed';

export interface ObjectionRecord {
  id: string;
  topicId: string;
  authorPersonId: string | null;
  authorUserId: string;
  content: string;
  status: ObjectionStatus;
  decidedByUserId: string | null;
  decisionNote: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

const REVIEW_COLUMNS = `id, round, party, opinion, feasible, recorded_by_user_id AS "recordedByUserId", created_at AS "createdAt"`;
const OBJECTION_COLUMNS = `id, topic_id AS "topicId", author_person_id AS "authorPersonId", author_user_id AS "authorUserId",
  content, status, decided_by_user_id AS "decidedByUserId", decision_note AS "decisionNote", decided_at AS "decidedAt",
  created_at AS "createdAt"`;

/** Joint-review opinions (联审, one per party per round) and public-notice objections (异议) of topics. */
@Injectable()
export class TopicReviewsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the party's review in the round; answers false when the party has answered in it already. */
  async insertReview(
    manager: EntityManager,
    review: {
      topicId: string;
      round: number;
      party: string;
      opinion: string;
      feasible: boolean;
      userId: string;
      at: Date;
    },
  ): Promise<ReviewRecord | undefined> {
    const [row] = await queryRows<ReviewRecord>(
      manager,
      `INSERT INTO deliberation_reviews (topic_id, round, party, opinion, feasible, recorded_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (topic_id, round, party) DO NOTHING RETURNING ${REVIEW_COLUMNS}`,
      [review.topicId, review.round, review.party, review.opinion, review.feasible, review.userId, review.at],
    );
    return row;
  }

  /** The reviews of one round, in the order recorded. */
  reviews(manager: EntityManager = this.dataSource.manager, topicId: string, round: number): Promise<ReviewRecord[]> {
    return queryRows<ReviewRecord>(
      manager,
      `SELECT ${REVIEW_COLUMNS} FROM deliberation_reviews WHERE topic_id = $1 AND round = $2 ORDER BY created_at, id`,
      [topicId, round],
    );
  }

  async insertObjection(
    manager: EntityManager,
    objection: { topicId: string; authorPersonId: string; authorUserId: string; content: string; at: Date },
  ): Promise<ObjectionRecord> {
    const [row] = await queryRows<ObjectionRecord>(
      manager,
      `INSERT INTO deliberation_objections (topic_id, author_person_id, author_user_id, content, created_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${OBJECTION_COLUMNS}`,
      [objection.topicId, objection.authorPersonId, objection.authorUserId, objection.content, objection.at],
    );
    return row;
  }

  /** The objection of this topic, locked (decisions on it queue). */
  async objection(manager: EntityManager, topicId: string, id: string): Promise<ObjectionRecord | undefined> {
    const [row] = await queryRows<ObjectionRecord>(
      manager,
      `SELECT ${OBJECTION_COLUMNS} FROM deliberation_objections WHERE id = $1 AND topic_id = $2 FOR UPDATE`,
      [id, topicId],
    );
    return row;
  }

  async decideObjection(
    manager: EntityManager,
    id: string,
    decision: { status: 'upheld' | 'dismissed'; note: string; userId: string; at: Date },
  ): Promise<ObjectionRecord> {
    const [row] = await queryRows<ObjectionRecord>(
      manager,
      `UPDATE deliberation_objections SET status = $2, decision_note = $3, decided_by_user_id = $4, decided_at = $5
        WHERE id = $1 RETURNING ${OBJECTION_COLUMNS}`,
      [id, decision.status, decision.note, decision.userId, decision.at],
    );
    return row;
  }

  async pendingObjections(manager: EntityManager, topicId: string): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      manager,
      `SELECT count(*)::int AS n FROM deliberation_objections WHERE topic_id = $1 AND status = 'pending'`,
      [topicId],
    );
    return row.n;
  }

  /** The topic's objections, newest first. */
  objections(manager: EntityManager = this.dataSource.manager, topicId: string): Promise<ObjectionRecord[]> {
    return queryRows<ObjectionRecord>(
      manager,
      `SELECT ${OBJECTION_COLUMNS} FROM deliberation_objections WHERE topic_id = $1 ORDER BY created_at DESC, id`,
      [topicId],
    );
  }
}
