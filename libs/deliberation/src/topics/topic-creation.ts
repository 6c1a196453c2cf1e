import { Injectable } from '@nestjs/common';
import { AuditLog, Outbox, queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { DeliberationEvent } from '../deliberation-events';
import { TopicRecord } from './topic-record';
import { TopicSource } from './topic-steps';
import { TopicsRepository } from './topics.repository';
import { TopicsCode, TopicsException } from './topics.exception';

export interface TopicToCreate {
  /** The unit, anchored by the caller in this transaction (`directory.units.anchor`). */
  unit: { id: string; path: string };
  title: string;
  description: string | null;
  category: string;
  source: TopicSource;
  requiredParties: string[];
  proposalId: string | null;
  createdByUserId: string;
  createdByPersonId: string | null;
  now: Date;
}

/**
 * A topic enters collection (意见收集): by staff (`POST /topics`) or when a resident proposal
 * reaches its threshold. Records the first step change, audits, and publishes
 * `deliberation.topic.created`, all in the caller's transaction.
 */
@Injectable()
export class TopicCreation {
  constructor(
    private readonly topics: TopicsRepository,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  async create(manager: EntityManager, input: TopicToCreate): Promise<TopicRecord> {
    const [known] = await queryRows<{ code: string }>(
      manager,
      `SELECT code FROM deliberation_categories WHERE code = $1`,
      [input.category],
    );
    if (!known) throw new TopicsException(TopicsCode.UnknownCategory, { extensions: { category: input.category } });
    const id = await this.topics.insert(manager, {
      unitId: input.unit.id,
      unitPath: input.unit.path,
      title: input.title,
      description: input.description,
      category: input.category,
      source: input.source,
      requiredParties: input.requiredParties,
      proposalId: input.proposalId,
      createdByUserId: input.createdByUserId,
      createdByPersonId: input.createdByPersonId,
      createdAt: input.now,
    });
    await this.topics.recordStepChange(manager, {
      topicId: id,
      from: null,
      to: 'collect',
      reason: input.proposalId ? '居民提案达到附议人数' : null,
      userId: input.createdByUserId,
      at: input.now,
    });
    await this.audit.record(
      {
        action: 'deliberation.topic-created',
        targetType: 'deliberation-topic',
        targetId: id,
        unitId: input.unit.id,
        unitPath: input.unit.path,
        data: { title: input.title, category: input.category, source: input.source, proposalId: input.proposalId },
      },
      manager,
    );
    await this.outbox.publish(manager, {
      type: DeliberationEvent.TopicCreated,
      unitId: input.unit.id,
      actors: input.createdByPersonId ? [{ personId: input.createdByPersonId, role: 'author' }] : [],
      data: {
        topicId: id,
        title: input.title,
        category: input.category,
        source: input.source,
        ...(input.proposalId ? { proposalId: input.proposalId } : {}),
      },
    });
    return (await this.topics.readOne(manager, id)) as TopicRecord;
  }
}
