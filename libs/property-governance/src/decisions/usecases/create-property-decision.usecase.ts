import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuditLog, AuthenticatedUser, Clock, Permission, TransactionRunner } from '@linli/platform';
import { PropertyAccess } from '../../access/property-access';
import { ComplexElectorate } from '../../parts/complex-electorate';
import { DecisionViews } from '../decision-views';
import { DecisionsCode, DecisionsException } from '../decisions.exception';
import { DecisionsRepository } from '../decisions.repository';
import { CreatePropertyDecisionDto } from '../dto/create-property-decision.dto';
import { PropertyDecisionDto } from '../dto/property-decision.dto';

/**
 * `POST /property/decisions` (property.manage at the complex). In one transaction the decision is
 * created and its roll frozen: one row per head of the complex's electorate now (SPC
 * interpretation arts 8–9), in one statement, with the total area and head count on the decision.
 * A ballot cast later stands whatever ownership changes follow. Audited as property.decision-created.
 */
@Injectable()
export class CreatePropertyDecisionUseCase {
  constructor(
    private readonly access: PropertyAccess,
    private readonly directory: OrganizationDirectory,
    private readonly transactions: TransactionRunner,
    private readonly electorate: ComplexElectorate,
    private readonly decisions: DecisionsRepository,
    private readonly views: DecisionViews,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, command: CreatePropertyDecisionDto): Promise<PropertyDecisionDto> {
    await this.access.complex(user, Permission.PropertyManage, command.complexId);
    const opensAt = new Date(command.opensAt);
    const closesAt = new Date(command.closesAt);
    if (!(closesAt > opensAt)) throw new DecisionsException(DecisionsCode.DecisionTimes);
    const id = await this.transactions.run(async (manager) => {
      const complex = await this.directory.units.anchor(manager, command.complexId);
      const electorate = await this.electorate.current(manager, complex.id);
      if (electorate.parts === 0) throw new DecisionsException(DecisionsCode.NoElectorate);
      const decisionId = await this.decisions.insert(manager, {
        complexId: complex.id,
        unitPath: complex.path,
        title: command.title.trim(),
        description: command.description?.trim() || null,
        matter: command.matter,
        opensAt,
        closesAt,
        createdByUserId: user.userId,
        createdAt: this.clock.now(),
      });
      await this.decisions.freezeRoll(manager, decisionId, electorate.totalAreaCenti, electorate.heads);
      await this.audit.record(
        {
          action: 'property.decision-created',
          targetType: 'property-decision',
          targetId: decisionId,
          unitId: complex.id,
          unitPath: complex.path,
          data: {
            matter: command.matter,
            electorateAreaCenti: electorate.totalAreaCenti,
            electorateHeads: electorate.heads.length,
          },
        },
        manager,
      );
      return decisionId;
    });
    return this.views.one(user, id);
  }
}
