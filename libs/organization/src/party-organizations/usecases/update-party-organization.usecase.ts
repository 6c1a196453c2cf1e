import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, NotFoundProblem, Outbox, Permission, TransactionRunner } from '@linli/platform';
import { OrganizationEvent } from '../../organization-events';
import { PartyOrganizationDto } from '../dto/party-organization.dto';
import { UpdatePartyOrganizationDto } from '../dto/update-party-organization.dto';
import { OrganizationCoverageEntity } from '../organization-coverage.entity';
import { CoveredUnit, PartyOrganizationRules } from '../party-organization-rules';
import { PartyOrganizationEntity } from '../party-organization.entity';
import { PartyOrganizationsService } from '../party-organizations.service';

/**
 * Changes an organization of the caller's organizations.manage scope: name, code, kind (published
 * as organization.organization.kind-changed), parent, covered units (replaced as a set).
 */
@Injectable()
export class UpdatePartyOrganizationUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly rules: PartyOrganizationRules,
    private readonly organizations: PartyOrganizationsService,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  async execute(
    user: AuthenticatedUser,
    id: string,
    command: UpdatePartyOrganizationDto,
  ): Promise<PartyOrganizationDto> {
    await this.organizations.findInScope(user, id, Permission.OrganizationsManage);
    const covered = command.coveredUnitIds ? await this.rules.coveredUnits(user, command.coveredUnitIds) : undefined;
    const organization = await this.transactions.run(async (manager) => {
      const repository = manager.getRepository(PartyOrganizationEntity);
      const existing = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!existing) throw new NotFoundProblem('该党组织');
      const kind = command.kind ?? existing.kind;
      const parentId = command.parentId !== undefined ? command.parentId : existing.parentId;
      const newParent = parentId !== existing.parentId;
      if (newParent || kind !== existing.kind)
        await this.rules.parent(manager, user, { kind, parentId, newParent, selfId: id });
      if (kind !== existing.kind) await this.rules.children(manager, id, kind);
      const coverage = manager.getRepository(OrganizationCoverageEntity);
      const finalCoverage: CoveredUnit[] =
        covered ??
        (await coverage.find({ where: { organizationId: id } })).map((c) => ({ id: c.unitId, path: c.unitPath }));
      this.rules.coverage(kind, finalCoverage);

      const changes: Partial<PartyOrganizationEntity> = {};
      if (command.name !== undefined) changes.name = command.name;
      if (command.code !== undefined) changes.code = command.code;
      if (kind !== existing.kind) changes.kind = kind;
      if (parentId !== existing.parentId) changes.parentId = parentId;
      if (Object.keys(changes).length > 0) await this.rules.withUniqueCode(() => repository.update({ id }, changes));
      if (covered) {
        await coverage.delete({ organizationId: id });
        await coverage.insert(covered.map((unit) => ({ organizationId: id, unitId: unit.id, unitPath: unit.path })));
      }
      if (kind !== existing.kind) {
        await this.outbox.publish(manager, {
          type: OrganizationEvent.OrganizationKindChanged,
          unitId: existing.unitId,
          actors: [{ organizationId: id, role: 'organization' }],
          data: { organizationId: id, fromKind: existing.kind, toKind: kind },
        });
      }
      await this.audit.record(
        {
          action: 'organizations.updated',
          targetType: 'party-organization',
          targetId: id,
          unitId: existing.unitId,
          unitPath: existing.unitPath,
          data: { ...changes, ...(covered ? { coveredUnitIds: covered.map((u) => u.id) } : {}) },
        },
        manager,
      );
      return repository.findOneByOrFail({ id });
    });
    return (await this.organizations.present([organization]))[0];
  }
}
