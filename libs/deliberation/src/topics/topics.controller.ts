import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AnyAuthenticated,
  AuthenticatedUser,
  CurrentUser,
  Permission,
  RequirePermission,
  UuidParam,
} from '@linli/platform';
import { CreateTopicDto } from './dto/create-topic.dto';
import { StepHistoryDto } from './dto/step-change.dto';
import { AdvanceTopicDto, MergeTopicDto, WithdrawTopicDto } from './dto/topic-actions.dto';
import { TopicDetailDto } from './dto/topic-detail.dto';
import { TopicDto, TopicPageDto } from './dto/topic.dto';
import { TopicsQueryDto } from './dto/topics-query.dto';
import { TopicWorkService } from './topic-work.service';
import { TopicsService } from './topics.service';
import { AdvanceTopicUseCase } from './usecases/advance-topic.usecase';
import { MergeTopicsUseCase } from './usecases/merge-topics.usecase';

const NOT_FOUND = 'resource.not-found: the topic is unknown or outside your scope';

@ApiTags('deliberation/topics')
@Controller('deliberation/topics')
export class TopicsController {
  constructor(
    private readonly topics: TopicsService,
    private readonly work: TopicWorkService,
    private readonly advanceTopic: AdvanceTopicUseCase,
    private readonly mergeTopics: MergeTopicsUseCase,
  ) {}

  @Post()
  @RequirePermission(Permission.DeliberationManage)
  @ApiOperation({
    summary: 'Raise a topic (议题) at a community, grid, complex or building; it enters collection (意见收集)',
    description:
      'source defaults to grid_worker; requiredParties to the party organization and the residents’ committee. Publishes deliberation.topic.created.',
  })
  @ApiCreatedResponse({ type: TopicDto })
  @ApiBadRequestResponse({ description: 'validation.failed; deliberation.unit-kind; deliberation.category-unknown' })
  @ApiNotFoundResponse({ description: 'resource.not-found: the unit is unknown or outside your scope' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateTopicDto): Promise<TopicDto> {
    return this.topics.create(user, body);
  }

  @Get()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Topics you may see, newest first',
    description:
      'Staff: in their deliberation.read scope. Residents: topics at the unit they live in and at the units above it.',
  })
  @ApiOkResponse({ type: TopicPageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unitId is unknown or not visible to you' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: TopicsQueryDto): Promise<TopicPageDto> {
    return this.topics.list(user, query);
  }

  @Get(':id')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'One topic with its reviews, objections, milestones and progress (404 when you may not see it)',
  })
  @ApiOkResponse({ type: TopicDetailDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<TopicDetailDto> {
    return this.topics.get(user, id);
  }

  @Get(':id/history')
  @AnyAuthenticated()
  @ApiOperation({ summary: 'The topic’s step changes: from, to, who (a user or a job), when, why; oldest first' })
  @ApiOkResponse({ type: StepHistoryDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  history(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<StepHistoryDto> {
    return this.topics.history(user, id);
  }

  @Post(':id/advance')
  @RequirePermission(Permission.DeliberationDecide)
  @ApiOperation({
    summary: 'Move the topic to its next step when the step’s condition holds',
    description:
      'collect → review always; review → resolve once every required party answered in the current round; resolve → notice once a decision is recorded; notice → execute only after noticeEndsAt with no objection pending. Execution and evaluation end by their jobs.',
  })
  @ApiOkResponse({ type: TopicDto })
  @ApiConflictResponse({
    description:
      'deliberation.step-condition-unmet (missingParties, noticeEndsAt, pendingObjections); deliberation.topic-inactive',
  })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  advance(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: AdvanceTopicDto,
  ): Promise<TopicDto> {
    return this.advanceTopic.execute(user, id, body);
  }

  @Post(':id/withdraw')
  @RequirePermission(Permission.DeliberationDecide)
  @ApiOperation({
    summary: 'Withdraw the topic (in collection, joint review or resolution)',
    description: 'Audited as deliberation.topic-withdrawn.',
  })
  @ApiOkResponse({ type: TopicDto })
  @ApiConflictResponse({ description: 'deliberation.action-not-allowed (allowedIn); deliberation.topic-inactive' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: WithdrawTopicDto,
  ): Promise<TopicDto> {
    return this.work.withdraw(user, id, body.reason);
  }

  @Post(':id/merge')
  @RequirePermission(Permission.DeliberationDecide)
  @ApiOperation({
    summary: 'Merge the topic into another one collecting opinions in the same community',
    description:
      'Opinions and supporters are copied to the target, each naming the topic it came from; answers the target.',
  })
  @ApiOkResponse({ type: TopicDto })
  @ApiConflictResponse({
    description: 'deliberation.action-not-allowed; deliberation.topic-inactive; deliberation.merge-invalid',
  })
  @ApiNotFoundResponse({ description: 'resource.not-found: either topic is unknown or outside your scope' })
  merge(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: MergeTopicDto,
  ): Promise<TopicDto> {
    return this.mergeTopics.execute(user, id, body);
  }
}
