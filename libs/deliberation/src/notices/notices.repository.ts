import { Injectable } from '@nestjs/common';
import { Page, PageQueryDto, paginateRaw } from '@linli/platform';
import { DataSource } from 'typeorm';
import { TopicRecord } from '../topics/topic-record';
import { toTopicRecord, TopicRow } from '../topics/topics.repository';

/** Steps past resolution: what the public notice board (公开栏) shows. */
export const NOTICE_BOARD_STEPS = ['notice', 'execute', 'evaluate', 'closed'] as const;

/** The public notice board's read of topics: those past resolution at a unit or at any unit above it. */
@Injectable()
export class NoticesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Active topics past resolution at the unit (its path) or above it, the latest step change first. */
  async page(unitPath: string, page: PageQueryDto): Promise<Page<TopicRecord>> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select('t.*')
      .from('deliberation_topics', 't')
      .where(`(t.unit_path = :unitPath OR starts_with(:unitPath, t.unit_path || '.'))`, { unitPath })
      .andWhere(`t.status = 'active'`)
      .andWhere('t.step IN (:...steps)', { steps: [...NOTICE_BOARD_STEPS] });
    const rows = await paginateRaw<TopicRow>(qb, page, {
      sortColumn: 't.step_entered_at',
      sortKey: (row) => row.step_entered_at,
      tieColumn: 't.id',
      tieKey: (row) => row.id,
      direction: 'DESC',
    });
    return { items: rows.items.map(toTopicRecord), nextCursor: rows.nextCursor };
  }
}
