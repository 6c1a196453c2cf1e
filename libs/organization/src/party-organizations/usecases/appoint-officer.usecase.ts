import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  NotFoundProblem,
  Permission,
  ScopedReferences,
  ScopeService,
  TransactionRunner,
} from '@linli/platform';
import { IsNull } from 'typeorm';
import { PersonEntity } from '../../people/person.entity';
import { AppointOfficerDto } from '../dto/appoint-officer.dto';
import { OfficerDto } from '../dto/officer.dto';
import { defaultTermEnd } from '../officer-terms';
import { OrganizationOfficerEntity } from '../organization-officer.entity';
import { PartyOrganizationEntity } from '../party-organization.entity';
import { PartyOrganizationCode, PartyOrganizationException } from '../party-organizations.exception';

/**
 * Appoints an officer for a term: the organization and the person both lie in the caller's
 * organizations.manage scope (the person where they reside). A new secretary ends the current
 * secretary's tenure (`ended_at`; the row stays as history); re-appointing someone to a role they
 * hold starts a new term. The term ends by default after the kind's term length (see
 * `officer-terms.ts`).
 */
@Injectable()
export class AppointOfficerUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly references: ScopedReferences,
  ) {}

  async execute(user: AuthenticatedUser, organizationId: string, command: AppointOfficerDto): Promise<OfficerDto> {
    return this.transactions.run(async (manager) => {
      // The organization's row lock serializes appointments to it (one current secretary, no lost replacement).
      const organization = await manager
        .getRepository(PartyOrganizationEntity)
        .findOne({ where: { id: organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!organization || !this.scope.canReach(user, Permission.OrganizationsManage, organization.unitPath))
        throw new NotFoundProblem('该党组织');
      // The officer must reside within the caller's organizations.manage scope too (404 otherwise).
      await this.references.reachOne(user, Permission.OrganizationsManage, 'person', command.personId, manager);
      const person = await manager
        .getRepository(PersonEntity)
        .findOne({ select: { id: true, name: true }, where: { id: command.personId } });
      if (!person) throw new NotFoundProblem('该人员');
      const termEnd = command.termEnd ?? defaultTermEnd(organization.kind, command.termStart);
      if (termEnd !== null && termEnd < command.termStart)
        throw new PartyOrganizationException(PartyOrganizationCode.OfficerTerm);

      const officers = manager.getRepository(OrganizationOfficerEntity);
      const replaced = await officers.find({
        select: { id: true },
        where:
          command.role === 'secretary'
            ? { organizationId, role: 'secretary', endedAt: IsNull() }
            : { organizationId, role: command.role, personId: command.personId, endedAt: IsNull() },
      });
      const now = this.clock.now();
      for (const officer of replaced) await officers.update({ id: officer.id }, { endedAt: now });
      const saved = await officers.save(
        officers.create({
          organizationId,
          personId: person.id,
          role: command.role,
          termStart: command.termStart,
          termEnd,
          endedAt: null,
        }),
      );
      await this.audit.record(
        {
          action: 'organizations.officer-appointed',
          targetType: 'party-organization',
          targetId: organizationId,
          unitId: organization.unitId,
          unitPath: organization.unitPath,
          data: {
            officerId: saved.id,
            personId: person.id,
            role: saved.role,
            termStart: saved.termStart,
            termEnd,
            replacedOfficerIds: replaced.map((o) => o.id),
          },
        },
        manager,
      );
      return OfficerDto.from(await officers.findOneByOrFail({ id: saved.id }), person.name);
    });
  }
}
