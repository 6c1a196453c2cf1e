import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  NotFoundProblem,
  Permission,
  ScopedReferences,
  TransactionRunner,
} from '@linli/platform';
import { MergeTopicDto } from '../dto/topic-actions.dto';
import { TopicDto } from '../dto/topic.dto';
import { TopicOpinionsRepository } from '../topic-opinions.repository';
import { TopicRecord } from '../topic-record';
import { TopicStepChanger } from '../topic-step-changer';
import { TopicsCode, TopicsException } from '../topics.exception';
import { TopicsRepository } from '../topics.repository';

/**
 * `POST /topics/:id/merge`: a topic collecting opinions joins another collecting in the same
 * community. Its opinions and supporters are copied to the target, each copy naming the topic it
 * came from (a supporter of both counts once); the source becomes `merged` into the target. Both
 * topics are locked in id order, so two merges of the same pair never deadlock.
 */
@Injectable()
export class MergeTopicsUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly references: ScopedReferences,
    private readonly directory: OrganizationDirectory,
    private readonly topics: TopicsRepository,
    private readonly opinions: TopicOpinionsRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, topicId: string, command: MergeTopicDto): Promise<TopicDto> {
    return this.transactions.run(async (manager) => {
      await this.references.reach(
        user,
        Permission.DeliberationDecide,
        { topic: [topicId, command.intoTopicId] },
        manager,
      );
      if (topicId.toLowerCase() === command.intoTopicId.toLowerCase())
        throw new TopicsException(TopicsCode.MergeInvalid, { detail: '不能将议题合并到其自身' });
      const locked = new Map<string, TopicRecord>();
      for (const id of [topicId, command.intoTopicId].sort()) {
        const topic = await this.topics.readOne(manager, id, { lock: true });
        if (!topic) throw new NotFoundProblem('该议题');
        locked.set(id, topic);
      }
      const source = locked.get(topicId) as TopicRecord;
      const target = locked.get(command.intoTopicId) as TopicRecord;
      TopicStepChanger.assertAllows(source, 'merge');
      TopicStepChanger.assertAllows(target, 'merge');
      const communities = await this.directory.units.enclosing(
        [source.unitPath, target.unitPath],
        'community',
        manager,
      );
      const sourceCommunity = communities.get(source.unitPath)?.id;
      if (!sourceCommunity || sourceCommunity !== communities.get(target.unitPath)?.id)
        throw new TopicsException(TopicsCode.MergeInvalid, { extensions: { intoTopicId: command.intoTopicId } });

      const now = this.clock.now();
      const carried = await this.opinions.carry(manager, source.id, target.id, now);
      await this.topics.markMerged(manager, source.id, target.id, now);
      for (const [topic, data] of [
        [source, { intoTopicId: target.id, reason: command.reason ?? null, ...carried }],
        [target, { fromTopicId: source.id, ...carried }],
      ] as const) {
        await this.audit.record(
          {
            action: topic === source ? 'deliberation.topic-merged' : 'deliberation.topic-merged-into',
            targetType: 'deliberation-topic',
            targetId: topic.id,
            unitId: topic.unitId,
            unitPath: topic.unitPath,
            data,
          },
          manager,
        );
      }
      return TopicDto.from((await this.topics.readOne(manager, target.id)) as TopicRecord);
    });
  }
}
