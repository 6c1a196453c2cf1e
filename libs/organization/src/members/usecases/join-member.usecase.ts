import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  NotFoundProblem,
  Outbox,
  Permission,
  ScopedReferences,
  TransactionRunner,
} from '@linli/platform';
import { OrganizationEvent } from '../../organization-events';
import { PersonEntity } from '../../people/person.entity';
import { PartyOrganizationsService } from '../../party-organizations/party-organizations.service';
import { CreatePartyMemberDto } from '../dto/create-party-member.dto';
import { PartyMemberDto } from '../dto/party-member.dto';
import { MemberCode, MemberException } from '../members.exception';
import { OrganizationMemberCounts } from '../organization-member-counts';
import { PartyMemberEntity } from '../party-member.entity';
import { MembersService } from '../members.service';

/**
 * Registers a person as a party member of an organization of the caller's members.manage scope;
 * the person, too, must reside within that scope (both ids resolve through `ScopedReferences`,
 * 404 otherwise, before anything is written).
 * One membership per person (the unique key decides between concurrent joins: 409 for the
 * others); the organization's counts change in the same transaction; publishes
 * organization.member.joined.
 */
@Injectable()
export class JoinMemberUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly organizations: PartyOrganizationsService,
    private readonly members: MembersService,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly references: ScopedReferences,
  ) {}

  async execute(user: AuthenticatedUser, command: CreatePartyMemberDto): Promise<PartyMemberDto> {
    await this.references.reach(user, Permission.MembersManage, {
      organization: command.organizationId,
      person: command.personId,
    });
    const organization = await this.organizations.findInScope(user, command.organizationId, Permission.MembersManage);
    if (organization.kind === 'party_group') throw new MemberException(MemberCode.OrganizationKind);
    const member = await this.transactions.run(async (manager) => {
      const person = await manager
        .getRepository(PersonEntity)
        .findOne({ select: { id: true, residencePath: true }, where: { id: command.personId } });
      if (!person) throw new NotFoundProblem('该人员');
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(PartyMemberEntity)
        .values({
          personId: person.id,
          organizationId: organization.id,
          category: command.category,
          status: command.status,
          joinedAt: command.joinedAt,
          residencePath: person.residencePath,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (!id) throw new MemberException(MemberCode.MemberExists);
      if (!(await new OrganizationMemberCounts(manager).add(organization.id, command.status === 'full')))
        throw new NotFoundProblem('该党组织');
      await this.outbox.publish(manager, {
        type: OrganizationEvent.MemberJoined,
        unitId: organization.unitId,
        actors: [{ personId: person.id, role: 'member' }],
        data: {
          memberId: id,
          personId: person.id,
          organizationId: organization.id,
          category: command.category,
          status: command.status,
        },
      });
      await this.audit.record(
        {
          action: 'members.joined',
          targetType: 'party-member',
          targetId: id,
          unitId: organization.unitId,
          unitPath: organization.unitPath,
          data: {
            personId: person.id,
            organizationId: organization.id,
            category: command.category,
            status: command.status,
          },
        },
        manager,
      );
      return manager.getRepository(PartyMemberEntity).findOneByOrFail({ id });
    });
    return (await this.members.present([member]))[0];
  }
}
