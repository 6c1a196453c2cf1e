import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, Permission, ScopeService, UnitScope, ValidationProblem } from '@linli/platform';
import { PointsOwners } from '../accounts/points-owners.service';
import { PointsOwner } from '../ledger/points-owner';
import { RedemptionPageDto } from './dto/redemption-page.dto';
import { RedemptionQueryDto } from './dto/redemption-query.dto';
import { RedemptionAccess } from './redemption-access.service';
import { RedemptionsFilter, StoreRepository } from './store.repository';

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at);
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/i.test(id))
    throw new ValidationProblem([{ field: 'cursor', constraint: 'isCursor', message: 'cursor is invalid' }]);
  return { at: date, id };
}

/** Lists redemptions, newest first: one owner's (the person themselves or staff with points.read where the owner sits), or every one the caller may see. */
@Injectable()
export class RedemptionsQuery {
  constructor(
    private readonly store: StoreRepository,
    private readonly owners: PointsOwners,
    private readonly scope: ScopeService,
    private readonly access: RedemptionAccess,
  ) {}

  async list(user: AuthenticatedUser, query: RedemptionQueryDto): Promise<RedemptionPageDto> {
    let reach: { owner: PointsOwner } | { personId: string | null; storeScope: UnitScope };
    if (query.ownerType && query.ownerId) {
      reach = { owner: { type: query.ownerType, id: query.ownerId } };
      await this.owners.assertReadable(user, reach.owner);
    } else {
      reach = { personId: user.personId, storeScope: this.scope.scopeFilter(user, Permission.PointsRead) };
      // A caller who is no person and has no scope sees nothing.
      if (!reach.personId && reach.storeScope !== 'all' && reach.storeScope.length === 0)
        return { items: [], nextCursor: null };
    }
    const page = {
      status: query.status,
      before: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit ?? 20,
    };
    const filter: RedemptionsFilter = { ...reach, ...page };
    const rows = await this.store.redemptions(filter);
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > page.limit && last
        ? Buffer.from(`${new Date(last.reserved_at).toISOString()}|${last.id}`).toString('base64url')
        : null;
    // The pickup code only on the caller's own reservations: staff never see the codes of their stores.
    return { items: await this.access.present(user, items), nextCursor };
  }
}
