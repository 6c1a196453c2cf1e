import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, NotFoundProblem } from '@linli/platform';
import { DataSource } from 'typeorm';
import { PropertyAccess } from '../access/property-access';
import { DecisionRecord } from './decision-record';
import { DECISION_MATTER_DISPLAY } from './decision-rules';
import { DecisionsRepository } from './decisions.repository';
import { PropertyDecisionDto, PropertyDecisionHeadDto } from './dto/property-decision.dto';
import { fromCenti } from './electorate-counting';

/** Decisions as their readers see them, with the caller's own heads on the roll. */
@Injectable()
export class DecisionViews {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: PropertyAccess,
    private readonly decisions: DecisionsRepository,
  ) {}

  /** The decision if the caller may see it (staff in property.read scope, or an owner of the complex); 404 otherwise. */
  async visible(user: AuthenticatedUser, id: string): Promise<DecisionRecord> {
    const decision = await this.decisions.readOne(undefined, id);
    if (!decision) throw new NotFoundProblem('该业主共同决定事项');
    await this.access.assertCanSee(user, decision.unitPath, '该业主共同决定事项');
    return decision;
  }

  async one(user: AuthenticatedUser, id: string): Promise<PropertyDecisionDto> {
    return this.view(user, await this.visible(user, id));
  }

  async view(user: AuthenticatedUser, decision: DecisionRecord): Promise<PropertyDecisionDto> {
    const manager = this.dataSource.manager;
    const heads = user.personId ? await this.decisions.headsOf(manager, decision.id, user.personId) : [];
    const voted = heads.length
      ? await this.decisions.votedKeys(
          manager,
          decision.id,
          heads.map((head) => head.headKey),
        )
      : new Set<string>();
    const myHeads: PropertyDecisionHeadDto[] = heads.map((head) => ({
      key: head.headKey,
      areaM2: fromCenti(head.areaCenti),
      voted: voted.has(head.headKey),
    }));
    return {
      id: decision.id,
      complexId: decision.complexId,
      title: decision.title,
      description: decision.description,
      matter: decision.matter,
      matterDisplay: DECISION_MATTER_DISPLAY[decision.matter],
      opensAt: decision.opensAt.toISOString(),
      closesAt: decision.closesAt.toISOString(),
      status: decision.status,
      electorateAreaM2: fromCenti(decision.electorateAreaCenti),
      electorateHeads: decision.electorateHeads,
      outcome: decision.result ? (decision.result.outcome as 'passed' | 'rejected' | 'not_valid') : null,
      closedAt: decision.closedAt ? decision.closedAt.toISOString() : null,
      createdAt: decision.createdAt.toISOString(),
      myHead: myHeads[0] ?? null,
      myHeads,
    };
  }
}
