import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, NotFoundProblem, Permission, ScopeService } from '@linli/platform';
import { OrganizationDirectory } from '@linli/organization';
import { EntityManager } from 'typeorm';
import { RedemptionDto } from './dto/redemption.dto';
import { RedemptionRow } from './store-records';
import { StoreRepository } from './store.repository';

/**
 * Loads redemptions for a caller: the owner (a person acting for themselves, or the current secretary
 * of an organization owner) or staff in the store's scope; 404 for anyone else. Only the owner sees
 * the pickup code: staff fulfil by entering the code the owner shows at the counter.
 */
@Injectable()
export class RedemptionAccess {
  constructor(
    private readonly scope: ScopeService,
    private readonly store: StoreRepository,
    private readonly directory: OrganizationDirectory,
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
    if ((options.ownerAllowed ?? true) && (await this.owns(user, [row], manager)).has(row.id)) return row;
    if (!this.scope.canReach(user, staffPermission, row.reward_unit_path)) throw new NotFoundProblem('该兑换记录');
    return row;
  }

  /**
   * The ids of the rows whose owner the caller is: their own person's, and those of organizations
   * whose current secretary they are (one directory read for the organizations among the rows).
   */
  async owns(user: AuthenticatedUser, rows: RedemptionRow[], manager?: EntityManager): Promise<Set<string>> {
    const owned = new Set<string>();
    if (!user.personId || rows.length === 0) return owned;
    const organizationIds = [...new Set(rows.filter((r) => r.owner_type === 'organization').map((r) => r.owner_id))];
    const organizations =
      organizationIds.length > 0 ? await this.directory.organizations.byIds(organizationIds, manager) : new Map();
    for (const row of rows) {
      const owner =
        row.owner_type === 'person'
          ? row.owner_id === user.personId
          : organizations.get(row.owner_id)?.secretaryPersonId === user.personId;
      if (owner) owned.add(row.id);
    }
    return owned;
  }

  /** The rows as the caller sees them: the pickup code only on their own reservations. */
  async present(user: AuthenticatedUser, rows: RedemptionRow[], manager?: EntityManager): Promise<RedemptionDto[]> {
    const owned = await this.owns(user, rows, manager);
    return rows.map((row) => RedemptionDto.from(row, owned.has(row.id)));
  }

  async presentOne(user: AuthenticatedUser, row: RedemptionRow, manager?: EntityManager): Promise<RedemptionDto> {
    const [dto] = await this.present(user, [row], manager);
    return dto;
  }
}
