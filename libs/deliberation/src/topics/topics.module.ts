import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { DeliberationAccessModule } from '../access/deliberation-access.module';
import { SettingsModule } from '../settings/settings.module';
import { TopicCreation } from './topic-creation';
import { TopicStepChanger } from './topic-step-changer';
import { TopicsRepository } from './topics.repository';

const PROVIDERS = [TopicsRepository, TopicStepChanger, TopicCreation];

/** Domain face of the topics area: topics through the six steps (意见收集 → 联审 → 决议 → 公示 → 执行 → 评估). */
@Module({
  imports: [OrganizationDirectoryModule, DeliberationAccessModule, SettingsModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class TopicsModule {}
