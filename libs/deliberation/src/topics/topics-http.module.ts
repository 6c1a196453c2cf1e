import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { DeliberationAccessModule } from '../access/deliberation-access.module';
import { NoticesController } from '../notices/notices.controller';
import { NoticesRepository } from '../notices/notices.repository';
import { NoticesService } from '../notices/notices.service';
import { TopicCategoriesController } from './topic-categories.controller';
import { TopicCategoriesService } from './topic-categories.service';
import { TopicParticipationController } from './topic-participation.controller';
import { TopicParticipationService } from './topic-participation.service';
import { TopicStepsController } from './topic-steps.controller';
import { TopicViews } from './topic-views';
import { TopicWorkService } from './topic-work.service';
import { TopicsController } from './topics.controller';
import { TopicsModule } from './topics.module';
import { TopicsService } from './topics.service';
import { AdvanceTopicUseCase } from './usecases/advance-topic.usecase';
import { DecideObjectionUseCase } from './usecases/decide-objection.usecase';
import { MergeTopicsUseCase } from './usecases/merge-topics.usecase';
import { RecordDecisionUseCase } from './usecases/record-decision.usecase';
import { ReportProgressUseCase } from './usecases/report-progress.usecase';

/** HTTP face of the topics area (and of the public notice board); mounted by the api. */
@Module({
  imports: [TopicsModule, OrganizationDirectoryModule, DeliberationAccessModule],
  controllers: [
    TopicsController,
    TopicStepsController,
    TopicParticipationController,
    TopicCategoriesController,
    NoticesController,
  ],
  providers: [
    TopicsService,
    TopicViews,
    TopicWorkService,
    TopicParticipationService,
    TopicCategoriesService,
    AdvanceTopicUseCase,
    RecordDecisionUseCase,
    DecideObjectionUseCase,
    MergeTopicsUseCase,
    ReportProgressUseCase,
    NoticesService,
    NoticesRepository,
  ],
})
export class TopicsHttpModule {}
