import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Outbox, Permission, ScopedReferences, TransactionRunner } from '@linli/platform';
import { OrganizationEvent } from '../../organization-events';
import { CreatePartyOrganizationDto } from '../dto/create-party-organization.dto';
import { PartyOrganizationDto } from '../dto/party-organization.dto';
import { OrganizationCoverageEntity } from '../organization-coverage.entity';
import { PartyOrganizationRules } from '../party-organization-rules';
import { PartyOrganizationEntity } from '../party-organization.entity';
import { PartyOrganizationsService } from '../party-organizations.service';

/**
 * Sets up a party organization at an anchor unit of the caller's organizations.manage scope,
 * covering units of that scope; audited and published (organization.organization.created) in the
 * same transaction.
 */
@Injectable()
export class CreatePartyOrganizationUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly references: ScopedReferences,
    private readonly rules: PartyOrganizationRules,
    private readonly organizations: PartyOrganizationsService,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  async execute(user: AuthenticatedUser, command: CreatePartyOrganizationDto): Promise<PartyOrganizationDto> {
    const unitPath = (await this.references.reachOne(
      user,
      Permission.OrganizationsManage,
      'unit',
      command.unitId,
    )) as string;
    const covered = await this.rules.coveredUnits(user, command.coveredUnitIds ?? [command.unitId]);
    this.rules.coverage(command.kind, covered);
    const organization = await this.transactions.run(async (manager) => {
      const parentId = command.parentId ?? null;
      await this.rules.parent(manager, user, { kind: command.kind, parentId, newParent: true });
      const repository = manager.getRepository(PartyOrganizationEntity);
      const saved = await this.rules.withUniqueCode(() =>
        repository.save(
          repository.create({
            kind: command.kind,
            name: command.name,
            code: command.code ?? null,
            unitId: command.unitId,
            unitPath,
            parentId,
          }),
        ),
      );
      await manager
        .getRepository(OrganizationCoverageEntity)
        .insert(covered.map((unit) => ({ organizationId: saved.id, unitId: unit.id, unitPath: unit.path })));
      await this.outbox.publish(manager, {
        type: OrganizationEvent.OrganizationCreated,
        unitId: saved.unitId,
        actors: [{ organizationId: saved.id, role: 'organization' }],
        data: { organizationId: saved.id, kind: saved.kind, parentId: saved.parentId },
      });
      await this.audit.record(
        {
          action: 'organizations.created',
          targetType: 'party-organization',
          targetId: saved.id,
          unitId: saved.unitId,
          unitPath,
          data: { kind: saved.kind, name: saved.name, parentId, coveredUnitIds: covered.map((u) => u.id) },
        },
        manager,
      );
      return repository.findOneByOrFail({ id: saved.id });
    });
    return (await this.organizations.present([organization]))[0];
  }
}
