import { DomainEvent, DomainEventHandler, EventSubscriber } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { ApplyPointRulesUseCase } from './usecases/apply-point-rules.usecase';

/** Subscriber name (queue `events-points`, `processed_events.subscriber`). Never renamed. */
export const POINTS_SUBSCRIBER = 'points';

/**
 * Points react to every domain event: the rules (data, not code) decide which ones earn. An event
 * type no rule names changes nothing. The kernel applies each event once per subscriber, in batches
 * of up to `batchSize` events per transaction; the ledger's idempotency keys hold even if one came
 * again.
 */
@EventSubscriber({ name: POINTS_SUBSCRIBER, types: '*' })
export class PointsRulesSubscriber implements DomainEventHandler {
  constructor(private readonly applyRules: ApplyPointRulesUseCase) {}

  async handle(event: DomainEvent, manager: EntityManager): Promise<void> {
    await this.applyRules.execute(event, manager);
  }

  async handleBatch(events: DomainEvent[], manager: EntityManager): Promise<void> {
    await this.applyRules.executeBatch(events, manager);
  }
}
