import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  NotFoundProblem,
  Permission,
  ScopeService,
  TransactionRunner,
} from '@linli/platform';
import { PartyOrganizationEntity } from '../../party-organizations/party-organization.entity';
import { PartyMemberDto } from '../dto/party-member.dto';
import { UpdatePartyMemberDto } from '../dto/update-party-member.dto';
import { MemberCode, MemberException } from '../members.exception';
import { MembersService } from '../members.service';
import { OrganizationMemberCounts } from '../organization-member-counts';
import { PartyMemberEntity } from '../party-member.entity';

/** Changes a member's category, joining date or status (probationary → full raises the organization's full count in the same transaction). */
@Injectable()
export class UpdateMemberUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly members: MembersService,
    private readonly audit: AuditLog,
  ) {}

  async execute(user: AuthenticatedUser, memberId: string, command: UpdatePartyMemberDto): Promise<PartyMemberDto> {
    const member = await this.transactions.run(async (manager) => {
      const repository = manager.getRepository(PartyMemberEntity);
      const existing = await repository.findOne({ where: { id: memberId }, lock: { mode: 'pessimistic_write' } });
      const organization = existing
        ? await manager.getRepository(PartyOrganizationEntity).findOneBy({ id: existing.organizationId })
        : null;
      if (!existing || !organization || !this.scope.canReach(user, Permission.MembersManage, organization.unitPath))
        throw new NotFoundProblem('该党员');

      const changes: Partial<PartyMemberEntity> = {};
      if (command.category !== undefined && command.category !== existing.category) changes.category = command.category;
      if (command.joinedAt !== undefined && command.joinedAt !== existing.joinedAt) changes.joinedAt = command.joinedAt;
      if (command.status !== undefined && command.status !== existing.status) {
        if (command.status === 'probationary') throw new MemberException(MemberCode.StatusChange);
        changes.status = command.status;
        await new OrganizationMemberCounts(manager).promote(organization.id);
      }
      if (Object.keys(changes).length === 0) return existing;
      await repository.update({ id: memberId }, changes);
      await this.audit.record(
        {
          action: 'members.updated',
          targetType: 'party-member',
          targetId: memberId,
          unitId: organization.unitId,
          unitPath: organization.unitPath,
          data: { ...changes },
        },
        manager,
      );
      return repository.findOneByOrFail({ id: memberId });
    });
    return (await this.members.present([member]))[0];
  }
}
