import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuditLog, AuthenticatedUser, Clock, NotFoundProblem, queryRows, TransactionRunner } from '@linli/platform';
import { DeliberationAccess } from '../../access/deliberation-access';
import { DeliberationSettings } from '../../settings/deliberation-settings.service';
import { DELIBERATION_UNIT_KINDS } from '../../topics/topic-steps';
import { TopicsCode, TopicsException } from '../../topics/topics.exception';
import { CreateProposalDto } from '../dto/create-proposal.dto';
import { ProposalDto } from '../dto/proposal.dto';
import { ProposalRecord } from '../proposal-record';
import { ProposalViews } from '../proposal-views';
import { ProposalsRepository } from '../proposals.repository';

/**
 * `POST /deliberation/proposals`: a resident proposes for a unit they live at or below (a
 * community, grid, complex or building). The co-signer threshold in force for the unit's kind is
 * frozen on the proposal: a later change of the setting does not move the goal of a running one.
 */
@Injectable()
export class CreateProposalUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly directory: OrganizationDirectory,
    private readonly access: DeliberationAccess,
    private readonly settings: DeliberationSettings,
    private readonly proposals: ProposalsRepository,
    private readonly views: ProposalViews,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, command: CreateProposalDto): Promise<ProposalDto> {
    const known = (await this.directory.units.byIds([command.unitId])).get(command.unitId);
    if (!known) throw new NotFoundProblem('该单位');
    const resident = await this.access.residentWithin(user, known.path, '该单位');
    if (!(DELIBERATION_UNIT_KINDS as readonly string[]).includes(known.kind))
      throw new TopicsException(TopicsCode.UnitKind);
    const category = command.category ?? 'other';

    return this.transactions.run(async (manager) => {
      const unit = await this.directory.units.anchor(manager, command.unitId);
      const [active] = await queryRows<{ code: string }>(
        manager,
        `SELECT code FROM deliberation_categories WHERE code = $1`,
        [category],
      );
      if (!active) throw new TopicsException(TopicsCode.UnknownCategory, { extensions: { category } });
      const threshold = await this.settings.value('proposal.cosigner-threshold', unit.kind, manager);
      const title = command.title.trim();
      const id = await this.proposals.insert(manager, {
        unitId: unit.id,
        unitPath: unit.path,
        title,
        description: command.description.trim(),
        category,
        proposerPersonId: resident.personId,
        proposerUserId: user.userId,
        threshold,
        createdAt: this.clock.now(),
      });
      await this.audit.record(
        {
          action: 'deliberation.proposal-created',
          targetType: 'deliberation-proposal',
          targetId: id,
          unitId: unit.id,
          unitPath: unit.path,
          data: { title, category, threshold },
        },
        manager,
      );
      return this.views.one(user, (await this.proposals.readOne(manager, id)) as ProposalRecord, manager);
    });
  }
}
