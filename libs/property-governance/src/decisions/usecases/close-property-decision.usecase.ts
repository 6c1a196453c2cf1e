import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, Clock, Permission, ScopedReferences, TransactionRunner } from '@linli/platform';
import { DecisionClosing } from '../decision-closing';
import { DecisionRecord } from '../decision-record';
import { DecisionsCode, DecisionsException } from '../decisions.exception';
import { DecisionsRepository } from '../decisions.repository';
import { PropertyDecisionTallyDto } from '../dto/property-decision-tally.dto';

/**
 * `POST /property/decisions/:id/close` (property.decide at the complex). Past its end time it closes
 * (as the job would); before it only once every head has voted (409 `property.decision-still-open`).
 * A closed decision answers 409 `property.decision-not-open`: the result is immutable.
 */
@Injectable()
export class ClosePropertyDecisionUseCase {
  constructor(
    private readonly references: ScopedReferences,
    private readonly transactions: TransactionRunner,
    private readonly decisions: DecisionsRepository,
    private readonly closing: DecisionClosing,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, decisionId: string): Promise<PropertyDecisionTallyDto> {
    await this.references.reachOne(user, Permission.PropertyDecide, 'decision', decisionId);
    return this.transactions.run(async (manager) => {
      const decision = (await this.decisions.readOne(manager, decisionId, { lock: 'update' })) as DecisionRecord;
      if (decision.status === 'closed')
        throw new DecisionsException(DecisionsCode.DecisionNotOpen, { detail: '表决已结束，结果不可更改' });
      const now = this.clock.now();
      if (now < decision.closesAt) {
        const sums = await this.decisions.sums(manager, decisionId);
        if (sums.heads < decision.electorateHeads)
          throw new DecisionsException(DecisionsCode.DecisionStillOpen, {
            extensions: {
              heads: decision.electorateHeads,
              voted: sums.heads,
              closesAt: decision.closesAt.toISOString(),
            },
          });
      }
      return (await this.closing.close(manager, decision, { userId: user.userId }, now)) as PropertyDecisionTallyDto;
    });
  }
}
