import { Injectable } from '@nestjs/common';
import { Page, PageQueryDto, paginateRaw, queryRows } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';

export interface OpinionRecord {
  id: string;
  topicId: string;
  authorPersonId: string | null;
  authorUserId: string;
  content: string;
  carriedFromTopicId: string | null;
  createdAt: Date;
}

interface OpinionRow {
  id: string;
  topic_id: string;
  author_person_id: string | null;
  author_user_id: string;
  content: string;
  carried_from_topic_id: string | null;
  created_at: Date;
}

function toOpinion(row: OpinionRow): OpinionRecord {
  return {
    id: row.id,
    topicId: row.topic_id,
    authorPersonId: row.author_person_id,
    authorUserId: row.author_user_id,
    content: row.content,
    carriedFromTopicId: row.carried_from_topic_id,
    createdAt: row.created_at,
  };
}

/**
 * Opinions (意见) and supporters of topics, with the topic's counts kept beside them (under the
 * topic's row lock). A merge copies both to the target topic, each copy naming the topic it came from.
 */
@Injectable()
export class TopicOpinionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertOpinion(
    manager: EntityManager,
    opinion: { topicId: string; authorPersonId: string | null; authorUserId: string; content: string; at: Date },
  ): Promise<OpinionRecord> {
    const [row] = await queryRows<OpinionRow>(
      manager,
      `INSERT INTO deliberation_opinions (topic_id, author_person_id, author_user_id, content, created_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [opinion.topicId, opinion.authorPersonId, opinion.authorUserId, opinion.content, opinion.at],
    );
    await manager.query(
      `UPDATE deliberation_topics SET opinion_count = opinion_count + 1, updated_at = $2 WHERE id = $1`,
      [opinion.topicId, opinion.at],
    );
    return toOpinion(row);
  }

  /** The topic's opinions, oldest first. */
  async page(topicId: string, page: PageQueryDto): Promise<Page<OpinionRecord>> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select('o.*')
      .from('deliberation_opinions', 'o')
      .where('o.topic_id = :topicId', { topicId });
    const rows = await paginateRaw<OpinionRow>(qb, page, {
      sortColumn: 'o.created_at',
      sortKey: (row) => row.created_at,
      tieColumn: 'o.id',
      tieKey: (row) => row.id,
      direction: 'ASC',
    });
    return { items: rows.items.map(toOpinion), nextCursor: rows.nextCursor };
  }

  /** Adds the supporter once; answers whether they were new (and counted). */
  async support(manager: EntityManager, topicId: string, personId: string, at: Date): Promise<boolean> {
    const inserted = await queryRows<{ person_id: string }>(
      manager,
      `INSERT INTO deliberation_topic_supporters (topic_id, person_id, created_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING person_id`,
      [topicId, personId, at],
    );
    if (inserted.length === 0) return false;
    await manager.query(
      `UPDATE deliberation_topics SET supporter_count = supporter_count + 1, updated_at = $2 WHERE id = $1`,
      [topicId, at],
    );
    return true;
  }

  async supports(
    manager: EntityManager = this.dataSource.manager,
    topicId: string,
    personId: string,
  ): Promise<boolean> {
    const rows = await queryRows(
      manager,
      `SELECT 1 FROM deliberation_topic_supporters WHERE topic_id = $1 AND person_id = $2`,
      [topicId, personId],
    );
    return rows.length > 0;
  }

  /**
   * Copies the source's opinions and supporters to the target (a supporter of both counts once),
   * each naming the source in `carried_from_topic_id`, then recounts the target. Answers what was carried.
   */
  async carry(
    manager: EntityManager,
    fromTopicId: string,
    toTopicId: string,
    at: Date,
  ): Promise<{ opinions: number; supporters: number }> {
    const opinions = await queryRows(
      manager,
      `INSERT INTO deliberation_opinions (topic_id, author_person_id, author_user_id, content, carried_from_topic_id, created_at)
       SELECT $2, author_person_id, author_user_id, content, $1, created_at
         FROM deliberation_opinions WHERE topic_id = $1 RETURNING id`,
      [fromTopicId, toTopicId],
    );
    const supporters = await queryRows(
      manager,
      `INSERT INTO deliberation_topic_supporters (topic_id, person_id, carried_from_topic_id, created_at)
       SELECT $2, person_id, $1, created_at FROM deliberation_topic_supporters WHERE topic_id = $1
       ON CONFLICT DO NOTHING RETURNING person_id`,
      [fromTopicId, toTopicId],
    );
    await manager.query(
      `UPDATE deliberation_topics t
          SET opinion_count = (SELECT count(*) FROM deliberation_opinions o WHERE o.topic_id = t.id),
              supporter_count = (SELECT count(*) FROM deliberation_topic_supporters s WHERE s.topic_id = t.id),
              updated_at = $2
        WHERE t.id = $1`,
      [toTopicId, at],
    );
    return { opinions: opinions.length, supporters: supporters.length };
  }
}
