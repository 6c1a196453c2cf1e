import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DecisionRecord } from './decision-record';
import { tallyFromSums } from './decision-rules';
import { DecisionsRepository } from './decisions.repository';
import { fromCenti } from './electorate-counting';
import { PropertyDecisionTallyDto } from './dto/property-decision-tally.dto';

function ratio(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1e6) / 1e6 : 0;
}

/** The live tally of a decision: one aggregate SQL over its ballots and the art. 278 rules of `decision-rules.ts`. */
@Injectable()
export class DecisionTallies {
  constructor(private readonly decisions: DecisionsRepository) {}

  async live(
    manager: EntityManager | undefined,
    decision: DecisionRecord,
    now: Date,
  ): Promise<PropertyDecisionTallyDto> {
    if (decision.result) return decision.result;
    const sums = await this.decisions.sums(manager, decision.id);
    const counted = tallyFromSums({
      matter: decision.matter,
      electorate: { areaCenti: decision.electorateAreaCenti, heads: decision.electorateHeads },
      participating: { areaCenti: sums.areaCenti, heads: sums.heads },
      agree: { areaCenti: sums.agreeAreaCenti, heads: sums.agreeHeads },
    });
    const { electorate, participation, approval } = counted;
    return {
      electorate: { areaM2: fromCenti(electorate.areaCenti), heads: electorate.heads },
      participation: {
        areaM2: fromCenti(participation.areaCenti),
        heads: participation.heads,
        areaRatio: ratio(participation.areaCenti, electorate.areaCenti),
        headRatio: ratio(participation.heads, electorate.heads),
        met: participation.met,
      },
      approval: {
        areaM2: fromCenti(approval.areaCenti),
        heads: approval.heads,
        areaRatio: ratio(approval.areaCenti, participation.areaCenti),
        headRatio: ratio(approval.heads, participation.heads),
        rule: approval.rule,
        met: approval.met,
      },
      needed: {
        participation: { areaM2: fromCenti(participation.needed.areaCenti), heads: participation.needed.heads },
        approval: { areaM2: fromCenti(approval.needed.areaCenti), heads: approval.needed.heads },
      },
      // Past its end time no ballot can come: the outcome is final before the job stores it.
      outcome: now >= decision.closesAt ? counted.outcome : 'open',
      outcomeSoFar: counted.outcome,
    };
  }
}
