import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  BusinessCalendar,
  Clock,
  EventActor,
  NotFoundProblem,
  Outbox,
  Permission,
  ScopedReferences,
  TransactionRunner,
  ValidationProblem,
} from '@linli/platform';
import { DataSource } from 'typeorm';
import { InstitutionEntity } from '../../institutions/institution.entity';
import { MembersService } from '../../members/members.service';
import { OrganizationEvent } from '../../organization-events';
import { PartyOrganizationEntity } from '../../party-organizations/party-organization.entity';
import { UnitEntity } from '../../units/unit.entity';
import { CreateDualRegistrationDto } from '../dto/create-dual-registration.dto';
import { DualRegistrationDto } from '../dto/dual-registration.dto';
import { DualRegistrationEntity } from '../dual-registration.entity';
import { DualRegistrationCode, DualRegistrationException } from '../dual-registrations.exception';
import { DualRegistrationsService } from '../dual-registrations.service';

interface Registrant {
  memberId: string | null;
  organizationId: string | null;
  /** The registrant's own party organization: the registering one, or the one holding the member's relation. */
  ownOrganizationId: string;
  actors: EventActor[];
}

/**
 * 双报到. An in-service member registers at a community (the member visible to the caller), or a
 * party organization (anywhere in the deployment: agencies sit outside the community) registers
 * with a community under a co-building agreement. The community must be in the caller's
 * dual-registrations.manage scope, and so must the member (where their organization is anchored
 * or where they live). An institution outside that scope may be named only as the registrant's
 * own (its party organization is the registering organization, or holds the member's relation).
 * One active registration per member (organization) and community. Publishes
 * organization.dual-registration.created.
 */
@Injectable()
export class CreateDualRegistrationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly references: ScopedReferences,
    private readonly members: MembersService,
    private readonly registrations: DualRegistrationsService,
    private readonly calendar: BusinessCalendar,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  async execute(user: AuthenticatedUser, command: CreateDualRegistrationDto): Promise<DualRegistrationDto> {
    this.refuseFieldsOfTheOtherKind(command);
    await this.references.reachOne(user, Permission.DualRegistrationsManage, 'unit', command.communityUnitId);
    const community = await this.dataSource
      .getRepository(UnitEntity)
      .findOne({ select: { id: true, kind: true, path: true }, where: { id: command.communityUnitId } });
    if (!community) throw new NotFoundProblem('该社区');
    if (community.kind !== 'community') throw new DualRegistrationException(DualRegistrationCode.NotACommunity);
    const registrant =
      command.kind === 'member'
        ? await this.member(user, command.memberId as string)
        : await this.organization(command.organizationId as string);
    if (command.institutionId) await this.institution(user, command.institutionId, registrant);
    const periodStart = command.periodStart ?? this.calendar.localDate(this.clock.now());
    if (command.periodEnd !== undefined && command.periodEnd < periodStart)
      throw new DualRegistrationException(DualRegistrationCode.Period);

    const registration = await this.transactions.run(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(DualRegistrationEntity)
        .values({
          kind: command.kind,
          communityUnitId: community.id,
          communityPath: community.path,
          memberId: registrant.memberId,
          organizationId: registrant.organizationId,
          institutionId: command.institutionId ?? null,
          periodStart,
          periodEnd: command.periodEnd ?? null,
          commitments: command.commitments ?? null,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (!id) throw new DualRegistrationException(DualRegistrationCode.Exists);
      const data = {
        registrationId: id,
        kind: command.kind,
        communityUnitId: community.id,
        ...(registrant.memberId ? { memberId: registrant.memberId } : {}),
        ...(registrant.organizationId ? { organizationId: registrant.organizationId } : {}),
        ...(command.institutionId ? { institutionId: command.institutionId } : {}),
      };
      await this.outbox.publish(manager, {
        type: OrganizationEvent.DualRegistrationCreated,
        unitId: community.id,
        actors: registrant.actors,
        data,
      });
      await this.audit.record(
        {
          action: 'dual-registrations.created',
          targetType: 'dual-registration',
          targetId: id,
          unitId: community.id,
          unitPath: community.path,
          data,
        },
        manager,
      );
      return manager.getRepository(DualRegistrationEntity).findOneByOrFail({ id });
    });
    return (await this.registrations.present([registration]))[0];
  }

  private refuseFieldsOfTheOtherKind(command: CreateDualRegistrationDto): void {
    const foreign = command.kind === 'member' ? 'organizationId' : 'memberId';
    if (command[foreign] !== undefined) {
      throw new ValidationProblem([
        { field: foreign, constraint: 'kind', message: `${foreign} is not allowed for kind ${command.kind}` },
      ]);
    }
  }

  private async member(user: AuthenticatedUser, memberId: string): Promise<Registrant> {
    const member = await this.members.findVisible(user, memberId, undefined, Permission.DualRegistrationsManage);
    if (member.category !== 'in_service') throw new DualRegistrationException(DualRegistrationCode.MemberCategory);
    return {
      memberId: member.id,
      organizationId: null,
      ownOrganizationId: member.organizationId,
      actors: [{ personId: member.personId, role: 'member' }],
    };
  }

  private async organization(organizationId: string): Promise<Registrant> {
    const organization = await this.dataSource
      .getRepository(PartyOrganizationEntity)
      .findOne({ select: { id: true }, where: { id: organizationId } });
    if (!organization) throw new NotFoundProblem('该党组织');
    return {
      memberId: null,
      organizationId: organization.id,
      ownOrganizationId: organization.id,
      actors: [{ organizationId: organization.id, role: 'organization' }],
    };
  }

  /**
   * The institution must be the registrant's own (its party organization on record is the registering
   * organization, or the one holding the member's relation: an agency outside the community), or
   * else lie in the caller's dual-registrations.manage scope (404 otherwise). An organization
   * registering for it must be the institution's own party organization, when it has one on record.
   */
  private async institution(user: AuthenticatedUser, institutionId: string, registrant: Registrant): Promise<void> {
    const institution = await this.dataSource
      .getRepository(InstitutionEntity)
      .findOne({ select: { id: true, partyOrganizationId: true }, where: { id: institutionId } });
    if (!institution) throw new NotFoundProblem('该单位（机构）');
    if (institution.partyOrganizationId !== registrant.ownOrganizationId)
      await this.references.reachOne(user, Permission.DualRegistrationsManage, 'institution', institutionId);
    const organizationId = registrant.organizationId;
    if (
      organizationId !== null &&
      institution.partyOrganizationId !== null &&
      institution.partyOrganizationId !== organizationId
    ) {
      throw new DualRegistrationException(DualRegistrationCode.InstitutionMismatch);
    }
  }
}
