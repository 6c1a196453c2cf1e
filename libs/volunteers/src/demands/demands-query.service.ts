import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, Clock, decodeCursor, encodeCursor, hasPermission, NotFoundProblem, Permission, queryRows, ScopeService } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { DemandAccess } from './demand-access.service';
import { DEMAND_SELECT, DemandRow, FulfilmentRow } from './demand-sql';
import { DemandDetailDto, DemandDto, DemandPageDto } from './dto/demand.dto';
import { DemandMatchListDto } from './dto/demand-match.dto';
import { DemandsQueryDto } from './dto/demands-query.dto';
import { DemandMatching } from './matching/demand-matching.service';

/** Reads demands: one with its fulfilment history, or a page of those the caller may see, newest first. */
@Injectable()
export class DemandsQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DemandAccess,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
    private readonly matching: DemandMatching,
  ) {}

  async get(user: AuthenticatedUser, id: string): Promise<DemandDetailDto> {
    const manager = this.dataSource.manager;
    await this.access.load(manager, user, id);
    return this.detail(manager, id);
  }

  /** Volunteers ranked for the demand (staff with volunteers.read where it is; 404 otherwise). */
  async matches(user: AuthenticatedUser, id: string, limit: number): Promise<DemandMatchListDto> {
    const manager = this.dataSource.manager;
    const { row } = await this.access.load(manager, user, id);
    this.scope.assertCanReach(user, Permission.VolunteersRead, row.unit_path, '该需求');
    return { items: await this.matching.rank(manager, row, limit) };
  }

  /** The demand as it stands in `manager`'s transaction, with every fulfilment attempt. */
  async detail(manager: EntityManager, id: string): Promise<DemandDetailDto> {
    const [row] = await queryRows<DemandRow>(manager, `${DEMAND_SELECT} WHERE d.id = $1`, [id]);
    if (!row) throw new NotFoundProblem('该需求');
    const fulfilments = await queryRows<FulfilmentRow>(
      manager,
      `SELECT f.id, f.claim_id, f.note, f.status, f.rating, f.reason, f.fulfilled_at, f.resolved_at, c.claimant_person_id, c.claimant_organization_id
         FROM volunteer_demand_fulfilments f JOIN volunteer_demand_claims c ON c.id = f.claim_id
        WHERE f.demand_id = $1 ORDER BY f.seq`,
      [id],
    );
    return DemandDetailDto.detail(row, fulfilments, this.clock.now());
  }

  async list(user: AuthenticatedUser, query: DemandsQueryDto): Promise<DemandPageDto> {
    const manager = this.dataSource.manager;
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const within = (root: string): string => {
      const p = param(root);
      return `(u.path = ${p} OR u.path LIKE ${p} || '.%')`;
    };
    const where: string[] = [];
    const mineSql = (): string[] => {
      const own: string[] = [];
      if (user.personId) own.push(`d.requester_person_id = ${param(user.personId)}`);
      own.push(
        `EXISTS (SELECT 1 FROM volunteer_demand_claims mc WHERE mc.demand_id = d.id AND (${user.personId ? `mc.claimant_person_id = ${param(user.personId)} OR ` : ''}mc.claimed_by_user_id = ${param(user.userId)}))`,
      );
      return own;
    };

    if (query.mine) {
      where.push(`(${mineSql().join(' OR ')})`);
    } else {
      const reach = mineSql();
      const scope = this.scope.scopeFilter(user, Permission.VolunteersRead);
      if (scope === 'all') reach.push('TRUE');
      else for (const path of scope) reach.push(within(path));
      if (user.personId) {
        reach.push(`EXISTS (SELECT 1 FROM volunteer_demand_invitations vi WHERE vi.demand_id = d.id AND vi.person_id = ${param(user.personId)})`);
        const community = await this.access.communityOf(manager, user.personId);
        if (community) reach.push(within(community));
      }
      where.push(`(${reach.join(' OR ')})`);
    }
    if (query.unitId) {
      const path = await this.scope.unitPath(query.unitId);
      if (hasPermission(user, Permission.VolunteersRead) && !this.scope.canReach(user, Permission.VolunteersRead, path)) throw new NotFoundProblem('该单位');
      where.push(within(path));
    }
    if (query.status) where.push(`d.status = ${param(query.status)}`);
    if (query.kind) where.push(`d.kind = ${param(query.kind)}`);
    if (query.skill) where.push(`d.required_skills @> ARRAY[${param(query.skill)}]::varchar[]`);
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor, 2);
      where.push(`(d.created_at, d.id) < (${param(at)}::timestamptz, ${param(id)}::uuid)`);
    }
    const limit = query.limit ?? 20;
    const rows = await queryRows<DemandRow>(manager, `${DEMAND_SELECT} WHERE ${where.join(' AND ')} ORDER BY d.created_at DESC, d.id DESC LIMIT ${param(limit + 1)}`, params);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const now = this.clock.now();
    return {
      items: page.map((row) => DemandDto.from(row, now)),
      nextCursor: rows.length > limit && last ? encodeCursor([new Date(last.created_at).toISOString(), last.id]) : null,
    };
  }
}
