import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, NotFoundProblem, Permission, ScopeService } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { RedemptionRow } from './store-records';
import { StoreRepository } from './store.repository';

/** Loads redemptions for a caller: the owner (a person acting for themselves) or staff in the store's scope; 404 for anyone else. */
@Injectable()
export class RedemptionAccess {
  constructor(
    private readonly scope: ScopeService,
    private readonly store: StoreRepository,
  ) {}

  /** The redemption row, locked when `lock` (commands), if `user` may see it with `staffPermission`. */
  async load(
    manager: EntityManager,
    user: AuthenticatedUser,
    id: string,
    staffPermission: Permission,
    options: { lock?: boolean; ownerAllowed?: boolean } = {},
  ): Promise<RedemptionRow> {
    const row = await this.store.redemption(manager, id, { lock: options.lock });
    if (!row) throw new NotFoundProblem('该兑换记录');
    const isOwner = row.owner_type === 'person' && user.personId === row.owner_id;
    if ((options.ownerAllowed ?? true) && isOwner) return row;
    if (!this.scope.canReach(user, staffPermission, row.reward_unit_path)) throw new NotFoundProblem('该兑换记录');
    return row;
  }
}
