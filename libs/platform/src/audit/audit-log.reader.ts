import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permissions';
import { ScopeService } from '../auth/scope.service';
import { unitPathCondition } from '../auth/unit-scope';
import { mapPage, Page, paginate } from '../pagination/page';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditEntryDto } from './dto/audit-entry.dto';
import { AuditLogQueryDto } from './dto/audit-log-query.dto';

/** Reads the audit log within the caller's scope, newest first. */
@Injectable()
export class AuditLogReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
  ) {}

  async list(user: AuthenticatedUser, query: AuditLogQueryDto): Promise<Page<AuditEntryDto>> {
    const scope = await this.scope.scopeFilterAt(user, Permission.AuditRead, query.unitId);
    const qb = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('entry');
    const condition = unitPathCondition('entry.unitPath', scope);
    qb.where(condition.sql, condition.params);
    if (query.actorUserId) qb.andWhere('entry.actorUserId = :actor', { actor: query.actorUserId });
    if (query.action) qb.andWhere('entry.action = :action', { action: query.action });
    if (query.from) qb.andWhere('entry.occurredAt >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('entry.occurredAt < :to', { to: new Date(query.to) });
    const page = await paginate(qb, query, {
      sortColumn: 'entry.occurredAt',
      sortKey: (entry) => entry.occurredAt,
      tieBreaker: 'entry.seq',
      tieKey: (entry) => entry.seq,
      direction: 'DESC',
    });
    return mapPage(page, AuditEntryDto.from);
  }
}
