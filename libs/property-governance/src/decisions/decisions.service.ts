import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuthenticatedUser, Clock, decodeTimeIdCursor, encodeCursor, NotFoundProblem } from '@linli/platform';
import { PropertyAccess } from '../access/property-access';
import { DecisionTallies } from './decision-tallies';
import { DecisionViews } from './decision-views';
import { DecisionsCode, DecisionsException } from './decisions.exception';
import { DecisionsRepository } from './decisions.repository';
import { PropertyDecisionPageDto, PropertyDecisionDto } from './dto/property-decision.dto';
import { PropertyDecisionResultsDto } from './dto/property-decision-results.dto';
import { PropertyDecisionTallyDto } from './dto/property-decision-tally.dto';
import { PropertyDecisionsQueryDto } from './dto/property-decisions-query.dto';
import { fromCenti, toCenti } from './electorate-counting';

/** Reads of owners' joint decisions: lists, one decision, the live tally, the published results. */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly access: PropertyAccess,
    private readonly directory: OrganizationDirectory,
    private readonly decisions: DecisionsRepository,
    private readonly views: DecisionViews,
    private readonly tallies: DecisionTallies,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthenticatedUser, query: PropertyDecisionsQueryDto): Promise<PropertyDecisionPageDto> {
    let complexPath: string | undefined;
    if (query.complexId) {
      const unit = (await this.directory.units.byIds([query.complexId])).get(query.complexId);
      if (!unit) throw new NotFoundProblem('该小区');
      await this.access.assertCanSee(user, unit.path, '该小区');
      complexPath = unit.path;
    }
    const limit = query.limit ?? 20;
    const rows = await this.decisions.page(await this.access.visibility(user, 'd.unit_path'), {
      complexPath,
      status: query.status,
      after: query.cursor ? decodeTimeIdCursor(query.cursor) : undefined,
      limit,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const items: PropertyDecisionDto[] = [];
    for (const decision of page) items.push(await this.views.view(user, decision));
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }

  get(user: AuthenticatedUser, id: string): Promise<PropertyDecisionDto> {
    return this.views.one(user, id);
  }

  async tally(user: AuthenticatedUser, id: string): Promise<PropertyDecisionTallyDto> {
    const decision = await this.views.visible(user, id);
    return this.tallies.live(undefined, decision, this.clock.now());
  }

  /** After closing: each head's unit numbers, area, choice and channel; never a name or a person id. */
  async results(user: AuthenticatedUser, id: string): Promise<PropertyDecisionResultsDto> {
    const decision = await this.views.visible(user, id);
    if (decision.status !== 'closed' || !decision.result)
      throw new DecisionsException(DecisionsCode.ResultsNotPublished);
    const heads = await this.decisions.resultHeads(undefined, id);
    return {
      decisionId: id,
      tally: decision.result,
      heads: heads.map((head) => ({
        units: head.units,
        areaM2: fromCenti(toCenti(head.area)),
        developer: head.developer,
        choice: head.choice,
        channel: head.channel,
      })),
    };
  }
}
