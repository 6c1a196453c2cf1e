import { Injectable } from '@nestjs/common';
import { Page, PageQueryDto, paginate, UnitScope, unitPathCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { HourRequestEntity, HourRequestStatus } from './hour-request.entity';

/** Which hour requests a list shows: those within `scope` (by the request's unit-path copy), or also the caller's own. */
export interface HourRequestFilter {
  scope: UnitScope;
  /** Also the requests of this person, whatever the scope. */
  orPersonId?: string;
  status?: HourRequestStatus;
}

/** The hour requests' data access (a sub-area of activities with its own table). */
@Injectable()
export class HourRequestsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    request: Omit<HourRequestEntity, 'id' | 'approvedHours' | 'rejectReason' | 'decidedBy' | 'decidedAt'>,
  ): Promise<HourRequestEntity> {
    const repository = manager.getRepository(HourRequestEntity);
    const saved = await repository.save(repository.create(request));
    return repository.findOneByOrFail({ id: saved.id });
  }

  /** Newest first. */
  page(filter: HourRequestFilter, page: PageQueryDto): Promise<Page<HourRequestEntity>> {
    const qb = this.dataSource.getRepository(HourRequestEntity).createQueryBuilder('request');
    const inScope = unitPathCondition('request.unitPath', filter.scope, 'scope');
    if (filter.orPersonId === undefined) qb.where(inScope.sql, inScope.params);
    else qb.where(`(${inScope.sql} OR request.personId = :me)`, { ...inScope.params, me: filter.orPersonId });
    if (filter.status) qb.andWhere('request.status = :status', { status: filter.status });
    return paginate(qb, page, {
      sortColumn: 'request.createdAt',
      sortKey: (r) => r.createdAt,
      tieBreaker: 'request.id',
      tieKey: (r) => r.id,
      direction: 'DESC',
    });
  }

  /** The request, row-locked for the caller's transaction. */
  lock(manager: EntityManager, id: string): Promise<HourRequestEntity | null> {
    return manager.getRepository(HourRequestEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findById(manager: EntityManager, id: string): Promise<HourRequestEntity | null> {
    return manager.getRepository(HourRequestEntity).findOneBy({ id });
  }

  find(manager: EntityManager, id: string): Promise<HourRequestEntity> {
    return manager.getRepository(HourRequestEntity).findOneByOrFail({ id });
  }

  async approve(manager: EntityManager, id: string, hours: number, by: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE volunteer_hour_requests SET status = 'approved', approved_hours = $2, decided_by = $3, decided_at = $4 WHERE id = $1`,
      [id, hours, by, at],
    );
  }

  async reject(manager: EntityManager, id: string, reason: string, by: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE volunteer_hour_requests SET status = 'rejected', reject_reason = $2, decided_by = $3, decided_at = $4 WHERE id = $1`,
      [id, reason, by, at],
    );
  }
}
