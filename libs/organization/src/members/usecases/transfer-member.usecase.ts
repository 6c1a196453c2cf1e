import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  NotFoundProblem,
  Outbox,
  Permission,
  ScopedReferences,
  ScopeService,
  TransactionRunner,
} from '@linli/platform';
import { OrganizationEvent } from '../../organization-events';
import { MemberTransferDto } from '../dto/member-transfer.dto';
import { TransferMemberDto } from '../dto/transfer-member.dto';
import { MemberTransferEntity } from '../member-transfer.entity';
import { MemberCode, MemberException } from '../members.exception';
import { OrganizationMemberCounts } from '../organization-member-counts';
import { PartyMemberEntity } from '../party-member.entity';

/**
 * Transfers a member's organizational relation (转接) atomically: the member row, both
 * organizations' counts, the history row, the audit entry and organization.member.transferred
 * commit together or not at all.
 *
 * Locks, always in this order: the member's row, then both organizations' rows in id order. Two
 * transfers of one member serialize on the member; transfers of different members between the
 * same organizations take the organization locks in the same order, so they cannot deadlock, and
 * the counts change by conditional UPDATEs, so they cannot drift.
 */
@Injectable()
export class TransferMemberUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly references: ScopedReferences,
  ) {}

  execute(user: AuthenticatedUser, memberId: string, command: TransferMemberDto): Promise<MemberTransferDto> {
    return this.transactions.run(async (manager) => {
      const member = await manager
        .getRepository(PartyMemberEntity)
        .findOne({ where: { id: memberId }, lock: { mode: 'pessimistic_write' } });
      if (!member) throw new NotFoundProblem('该党员');
      const fromId = member.organizationId;
      const toId = command.toOrganizationId;
      const counts = new OrganizationMemberCounts(manager);
      const locked = await counts.lock([fromId, toId]);
      const from = locked.find((o) => o.id === fromId);
      if (!from || !this.scope.canReach(user, Permission.MembersManage, from.unit_path))
        throw new NotFoundProblem('该党员');
      if (toId === fromId) throw new MemberException(MemberCode.TransferSameOrganization);
      // The receiving organization may lie outside the caller's members.manage scope (a relation moves
      // to another community), but never outside what they may read.
      await this.references.reachOne(user, Permission.OrganizationsRead, 'organization', toId, manager);
      const to = locked.find((o) => o.id === toId);
      if (!to) throw new NotFoundProblem('目标党组织');
      if (to.kind === 'party_group') throw new MemberException(MemberCode.OrganizationKind);

      await manager.getRepository(PartyMemberEntity).update({ id: member.id }, { organizationId: toId });
      const full = member.status === 'full';
      // Same order as the locks: no new lock is taken here, but keep the writes easy to follow.
      for (const organization of locked) {
        if (organization.id === fromId) await counts.remove(fromId, full);
        else await counts.add(toId, full);
      }
      const transfers = manager.getRepository(MemberTransferEntity);
      const transfer = await transfers.save(
        transfers.create({
          memberId: member.id,
          fromOrganizationId: fromId,
          toOrganizationId: toId,
          transferredAt: command.transferredAt ? new Date(command.transferredAt) : this.clock.now(),
          reason: command.reason ?? null,
          createdBy: user.userId,
        }),
      );
      await this.outbox.publish(manager, {
        type: OrganizationEvent.MemberTransferred,
        unitId: to.unit_id,
        actors: [{ personId: member.personId, role: 'member' }],
        data: { memberId: member.id, personId: member.personId, fromOrganizationId: fromId, toOrganizationId: toId },
      });
      await this.audit.record(
        {
          action: 'members.transferred',
          targetType: 'party-member',
          targetId: member.id,
          unitId: from.unit_id,
          unitPath: from.unit_path,
          data: { transferId: transfer.id, fromOrganizationId: fromId, toOrganizationId: toId, toUnitId: to.unit_id },
        },
        manager,
      );
      return MemberTransferDto.from(
        transfer,
        new Map([
          [from.id, from.name],
          [to.id, to.name],
        ]),
      );
    });
  }
}
