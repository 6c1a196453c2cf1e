import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, Permission, queryRows, ScopeService, ValidationProblem } from '@linli/platform';
import { DataSource } from 'typeorm';
import { PointsOwners } from '../accounts/points-owners.service';
import { RedemptionPageDto } from './dto/redemption-page.dto';
import { RedemptionQueryDto } from './dto/redemption-query.dto';
import { RedemptionDto } from './dto/redemption.dto';
import { REDEMPTION_SELECT, RedemptionRow } from './store-records';

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at);
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) throw new ValidationProblem([{ field: 'cursor', constraint: 'isCursor', message: 'cursor is invalid' }]);
  return { at: date, id };
}

/** Lists redemptions, newest first: one owner's (the person themselves or staff with points.read where the owner sits), or every one the caller may see. */
@Injectable()
export class RedemptionsQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly owners: PointsOwners,
    private readonly scope: ScopeService,
  ) {}

  async list(user: AuthenticatedUser, query: RedemptionQueryDto): Promise<RedemptionPageDto> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.ownerType && query.ownerId) {
      await this.owners.assertReadable(user, { type: query.ownerType, id: query.ownerId });
      where.push(`d.owner_type = ${param(query.ownerType)} AND d.owner_id = ${param(query.ownerId)}`);
    } else {
      const reach: string[] = [];
      if (user.personId) reach.push(`(d.owner_type = 'person' AND d.owner_id = ${param(user.personId)})`);
      const scope = this.scope.scopeFilter(user, Permission.PointsRead);
      if (scope === 'all') reach.push('true');
      else if (scope.length > 0) {
        const paths = param(scope);
        reach.push(`EXISTS (SELECT 1 FROM unnest(${paths}::varchar[]) p WHERE r.unit_path = p OR left(r.unit_path, length(p) + 1) = p || '.')`);
      }
      if (reach.length === 0) return { items: [], nextCursor: null };
      where.push(`(${reach.join(' OR ')})`);
    }
    if (query.status) where.push(`d.status = ${param(query.status)}`);
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      where.push(`(d.reserved_at, d.id) < (${param(cursor.at)}, ${param(cursor.id)}::uuid)`);
    }
    const limit = query.limit ?? 20;
    const rows = await queryRows<RedemptionRow>(
      this.dataSource.manager,
      `${REDEMPTION_SELECT} WHERE ${where.join(' AND ')} ORDER BY d.reserved_at DESC, d.id DESC LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > limit && last ? Buffer.from(`${new Date(last.reserved_at).toISOString()}|${last.id}`).toString('base64url') : null;
    return { items: page.map((row) => RedemptionDto.from(row)), nextCursor };
  }
}
