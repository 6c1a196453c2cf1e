import { Body, Controller, Patch, Post, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission, UuidParam } from '@linli/platform';
import { RecordDecisionDto } from './dto/decision.dto';
import { CreateMilestoneDto, MilestoneDto } from './dto/milestone.dto';
import { DecideObjectionDto, ObjectionDecisionDto } from './dto/objection.dto';
import { ReportProgressDto, SetResponsibleDto } from './dto/progress.dto';
import { CreateReviewDto, ReviewDto } from './dto/review.dto';
import { TopicDto } from './dto/topic.dto';
import { TopicWorkService } from './topic-work.service';
import { DecideObjectionUseCase } from './usecases/decide-objection.usecase';
import { RecordDecisionUseCase } from './usecases/record-decision.usecase';
import { ReportProgressUseCase } from './usecases/report-progress.usecase';

const NOT_FOUND = 'resource.not-found: the topic is unknown or outside your scope';
const WRONG_STEP = 'deliberation.action-not-allowed (with step and allowedIn); deliberation.topic-inactive';

/** Staff's work in each step: joint reviews, the decision, objections, milestones and progress. */
@ApiTags('deliberation/topics')
@Controller('deliberation/topics')
export class TopicStepsController {
  constructor(
    private readonly work: TopicWorkService,
    private readonly recordDecision: RecordDecisionUseCase,
    private readonly decideObjection: DecideObjectionUseCase,
    private readonly reportProgress: ReportProgressUseCase,
  ) {}

  @Post(':id/reviews')
  @RequirePermission(Permission.DeliberationManage)
  @ApiOperation({ summary: 'Record a party’s joint-review opinion and feasibility conclusion (联审), once per round' })
  @ApiCreatedResponse({ type: ReviewDto })
  @ApiConflictResponse({ description: `${WRONG_STEP}; deliberation.review-recorded` })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  review(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CreateReviewDto,
  ): Promise<ReviewDto> {
    return this.work.review(user, id, body);
  }

  @Post(':id/decision')
  @RequirePermission(Permission.DeliberationDecide)
  @ApiOperation({
    summary: 'Record the resolution (决议) with its basis: a passed vote on the topic, or a meeting’s adopted decision',
    description: 'Publishes deliberation.topic.resolved.',
  })
  @ApiCreatedResponse({ type: TopicDto })
  @ApiConflictResponse({
    description: `${WRONG_STEP}; deliberation.decision-basis-invalid; deliberation.decision-recorded`,
  })
  @ApiNotFoundResponse({
    description: 'resource.not-found: the topic, vote or meeting is unknown or outside your scope',
  })
  decision(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RecordDecisionDto,
  ): Promise<TopicDto> {
    return this.recordDecision.execute(user, id, body);
  }

  @Post(':id/objections/:objectionId/decision')
  @RequirePermission(Permission.DeliberationDecide)
  @ApiOperation({
    summary: 'Decide an objection: upheld returns the topic to joint review (a new round); dismissed keeps the notice',
  })
  @ApiCreatedResponse({ type: ObjectionDecisionDto })
  @ApiForbiddenResponse({ description: 'deliberation.self-authorization: your own objection' })
  @ApiConflictResponse({ description: `${WRONG_STEP}; deliberation.objection-decided` })
  @ApiNotFoundResponse({ description: 'resource.not-found: the topic or objection is unknown or outside your scope' })
  objectionDecision(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('objectionId') objectionId: string,
    @Body() body: DecideObjectionDto,
  ): Promise<ObjectionDecisionDto> {
    return this.decideObjection.execute(user, id, objectionId, body);
  }

  @Post(':id/milestones')
  @RequirePermission(Permission.DeliberationManage)
  @ApiOperation({ summary: 'Add an execution milestone with its due date' })
  @ApiCreatedResponse({ type: MilestoneDto })
  @ApiConflictResponse({ description: WRONG_STEP })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  milestone(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CreateMilestoneDto,
  ): Promise<MilestoneDto> {
    return this.work.addMilestone(user, id, body);
  }

  @Post(':id/milestones/:milestoneId/done')
  @RequirePermission(Permission.DeliberationManage)
  @ApiOperation({ summary: 'Mark a milestone done (again: keeps the first time)' })
  @ApiCreatedResponse({ type: MilestoneDto })
  @ApiConflictResponse({ description: WRONG_STEP })
  @ApiNotFoundResponse({ description: 'resource.not-found: the topic or milestone is unknown or outside your scope' })
  milestoneDone(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('milestoneId') milestoneId: string,
  ): Promise<MilestoneDto> {
    return this.work.milestoneDone(user, id, milestoneId);
  }

  @Patch(':id/progress')
  @RequirePermission(Permission.DeliberationManage)
  @ApiOperation({
    summary: 'Report execution progress with evidence; 100 % ends execution',
    description:
      'Never below the last percent. Reaching 100 publishes deliberation.topic.executed; the evaluation opens later by its job.',
  })
  @ApiOkResponse({ type: TopicDto })
  @ApiConflictResponse({ description: `${WRONG_STEP}; deliberation.progress-backwards` })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  progress(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ReportProgressDto,
  ): Promise<TopicDto> {
    return this.reportProgress.execute(user, id, body);
  }

  @Put(':id/responsible')
  @RequirePermission(Permission.DeliberationManage)
  @ApiOperation({ summary: 'Set the party responsible for execution (责任方)' })
  @ApiOkResponse({ type: TopicDto })
  @ApiConflictResponse({ description: WRONG_STEP })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  responsible(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: SetResponsibleDto,
  ): Promise<TopicDto> {
    return this.work.setResponsible(user, id, body);
  }
}
