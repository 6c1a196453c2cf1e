import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  BusinessCalendar,
  Clock,
  NotFoundProblem,
  Permission,
  ScopedReferences,
  ScopeService,
  TransactionRunner,
} from '@linli/platform';
import { EntityManager } from 'typeorm';
import { areaCentiOf } from '../part-rows';
import { PartsCode, PartsException } from '../parts.exception';
import { PartRow, PartsRepository } from '../parts.repository';
import { ChangePropertyPartOwnersDto } from '../dto/change-property-part-owners.dto';
import { UpdatePropertyPartDto } from '../dto/update-property-part.dto';

/**
 * Changes to one exclusive part (property.manage at its complex, 404 otherwise):
 *
 * - `PATCH /property/parts/:id`: area, area source, status (an unsold part keeps no owners);
 * - `POST /property/parts/:id/owners` (过户): the current ownership rows end on `changedOn` and the
 *   new owners' rows start that day; rows are never deleted, so history and the rolls decisions
 *   froze stay as they were. Audited as property.part-updated / property.part-owners-changed.
 */
@Injectable()
export class ChangePropertyPartUseCase {
  constructor(
    private readonly scope: ScopeService,
    private readonly references: ScopedReferences,
    private readonly transactions: TransactionRunner,
    private readonly parts: PartsRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly calendar: BusinessCalendar,
  ) {}

  async update(user: AuthenticatedUser, id: string, change: UpdatePropertyPartDto): Promise<void> {
    const areaCenti = change.areaM2 === undefined ? undefined : areaCentiOf(change.areaM2);
    if (areaCenti === null) throw new PartsException(PartsCode.PartArea);
    await this.transactions.run(async (manager) => {
      const part = await this.lockedPart(manager, user, id);
      if (change.status === 'unsold' && (await this.parts.ownerships(manager, [id])).length > 0) {
        throw new PartsException(PartsCode.DeveloperPartOwners);
      }
      await this.parts.update(manager, id, { areaCenti, areaSource: change.areaSource, status: change.status });
      await this.audit.record(
        {
          action: 'property.part-updated',
          targetType: 'property-part',
          targetId: id,
          unitId: part.complex_id,
          unitPath: part.unit_path,
          data: { areaCenti: areaCenti ?? null, areaSource: change.areaSource ?? null, status: change.status ?? null },
        },
        manager,
      );
    });
  }

  async changeOwners(user: AuthenticatedUser, id: string, command: ChangePropertyPartOwnersDto): Promise<void> {
    const owners = [...new Set(command.ownerPersonIds.map((personId) => personId.toLowerCase()))];
    const changedOn = command.changedOn.slice(0, 10);
    if (changedOn > this.calendar.localDate(this.clock.now())) throw new PartsException(PartsCode.OwnershipDate);
    await this.transactions.run(async (manager) => {
      const part = await this.lockedPart(manager, user, id);
      if (owners.length > 0) await this.references.reach(user, Permission.PropertyManage, { person: owners }, manager);
      if (part.status === 'unsold' && owners.length > 0) throw new PartsException(PartsCode.DeveloperPartOwners);
      const current = await this.parts.ownerships(manager, [id]);
      if (current.some((row) => row.started_on > changedOn)) throw new PartsException(PartsCode.OwnershipDate);
      const ended = await this.parts.endOwners(manager, id, changedOn);
      if (owners.length > 0) {
        await this.parts.startOwners(
          manager,
          owners.map((personId) => [id, personId]),
          changedOn,
          user.userId,
        );
      }
      await this.audit.record(
        {
          action: 'property.part-owners-changed',
          targetType: 'property-part',
          targetId: id,
          unitId: part.complex_id,
          unitPath: part.unit_path,
          data: { changedOn, from: ended, to: owners },
        },
        manager,
      );
    });
  }

  private async lockedPart(manager: EntityManager, user: AuthenticatedUser, id: string): Promise<PartRow> {
    const part = await this.parts.byId(manager, id, true);
    if (!part || !this.scope.canReach(user, Permission.PropertyManage, part.unit_path)) {
      throw new NotFoundProblem('该专有部分');
    }
    return part;
  }
}
