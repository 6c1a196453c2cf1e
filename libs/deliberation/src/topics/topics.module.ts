import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { DeliberationAccessModule } from '../access/deliberation-access.module';
import { SettingsModule } from '../settings/settings.module';
import { TopicAccess } from './topic-access';
import { TopicCreation } from './topic-creation';
import { TopicDecisionBasisRepository } from './topic-decision-basis.repository';
import { TopicExecutionRepository } from './topic-execution.repository';
import { TopicOpinionsRepository } from './topic-opinions.repository';
import { TopicReviewsRepository } from './topic-reviews.repository';
import { TopicStepChanger } from './topic-step-changer';
import { TopicsRepository } from './topics.repository';

const PROVIDERS = [
  TopicsRepository,
  TopicStepChanger,
  TopicCreation,
  TopicAccess,
  TopicOpinionsRepository,
  TopicReviewsRepository,
  TopicExecutionRepository,
  TopicDecisionBasisRepository,
];

/** Domain face of the topics area: topics through the six steps (意见收集 → 联审 → 决议 → 公示 → 执行 → 评估). */
@Module({
  imports: [OrganizationDirectoryModule, DeliberationAccessModule, SettingsModule],
  providers: PROVIDERS,
  exports: [...PROVIDERS, DeliberationAccessModule],
})
export class TopicsModule {}
