import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuditLog, NotificationOutbox, Outbox } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { DeliberationEvent } from '../deliberation-events';
import { TopicCreation } from '../topics/topic-creation';
import { DEFAULT_REQUIRED_PARTIES } from '../topics/topic-steps';
import { ProposalRecord } from './proposal-record';
import { ProposalsRepository } from './proposals.repository';
import { ProposalsTemplate } from './proposals-templates';

/**
 * A proposal that reached its threshold becomes a topic in collection (意见收集), in the
 * transaction of the co-signature that reached it, under the proposal's row lock: the topic
 * (one per proposal, also by a unique index), the proposal marked adopted, the audit record,
 * `deliberation.proposal.adopted` (for the points rules) and the proposer's notification.
 */
@Injectable()
export class ProposalAdoption {
  constructor(
    private readonly topics: TopicCreation,
    private readonly proposals: ProposalsRepository,
    private readonly directory: OrganizationDirectory,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly notifications: NotificationOutbox,
  ) {}

  /** `unit`: the proposal's unit, anchored in this transaction. */
  async adopt(
    manager: EntityManager,
    proposal: ProposalRecord,
    unit: { id: string; path: string },
    cosigners: number,
    now: Date,
  ): Promise<string> {
    const topic = await this.topics.create(manager, {
      unit,
      title: proposal.title,
      description: proposal.description,
      category: proposal.category,
      source: 'resident_proposal',
      requiredParties: [...DEFAULT_REQUIRED_PARTIES],
      proposalId: proposal.id,
      createdByUserId: proposal.proposerUserId,
      createdByPersonId: proposal.proposerPersonId,
      now,
    });
    await this.proposals.markAdopted(manager, proposal.id, topic.id, now);
    await this.audit.record(
      {
        action: 'deliberation.proposal-adopted',
        targetType: 'deliberation-proposal',
        targetId: proposal.id,
        unitId: unit.id,
        unitPath: unit.path,
        data: { topicId: topic.id, cosigners, threshold: proposal.threshold },
      },
      manager,
    );
    await this.outbox.publish(manager, {
      type: DeliberationEvent.ProposalAdopted,
      unitId: unit.id,
      actors: [{ personId: proposal.proposerPersonId, role: 'proposer' }],
      data: { proposalId: proposal.id, topicId: topic.id, title: proposal.title, cosigners },
    });
    const proposer = (await this.directory.people.byIds([proposal.proposerPersonId], manager)).get(
      proposal.proposerPersonId,
    );
    await this.notifications.requestOne(manager, {
      recipient: proposer?.userId ? { userId: proposer.userId } : { personId: proposal.proposerPersonId },
      templateKey: ProposalsTemplate.Adopted,
      data: { title: proposal.title, cosigners },
      dedupeKey: `${ProposalsTemplate.Adopted}:${proposal.id}`,
    });
    return topic.id;
  }
}
