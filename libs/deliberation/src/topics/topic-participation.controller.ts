import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AnyAuthenticated, AuthenticatedUser, CurrentUser, PageQueryDto, UuidParam } from '@linli/platform';
import { CreateObjectionDto, ObjectionDto } from './dto/objection.dto';
import { CreateOpinionDto, OpinionDto, OpinionPageDto, SupportDto } from './dto/opinion.dto';
import { CreateRatingDto } from './dto/rating.dto';
import { TopicDto } from './dto/topic.dto';
import { TopicParticipationService } from './topic-participation.service';

const NOT_FOUND = 'resource.not-found: the topic is unknown or not within your units';
const WRONG_STEP = 'deliberation.action-not-allowed (with step and allowedIn); deliberation.topic-inactive';
const RESIDENTS =
  'deliberation.person-not-linked: your account acts for no person; deliberation.residents-only: you do not live within the unit';

/** What residents of the topic's unit do: opinions and support, objections, ratings. */
@ApiTags('deliberation/topics')
@Controller('deliberation/topics')
export class TopicParticipationController {
  constructor(private readonly participation: TopicParticipationService) {}

  @Post(':id/opinions')
  @AnyAuthenticated()
  @ApiOperation({
    summary:
      'Give an opinion during collection (a resident of the unit), or record one for a resident (personId, deliberation.manage)',
  })
  @ApiCreatedResponse({ type: OpinionDto })
  @ApiForbiddenResponse({ description: RESIDENTS })
  @ApiConflictResponse({ description: WRONG_STEP })
  @ApiNotFoundResponse({ description: `${NOT_FOUND}; or the person is outside your scope` })
  addOpinion(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CreateOpinionDto,
  ): Promise<OpinionDto> {
    return this.participation.addOpinion(user, id, body);
  }

  @Get(':id/opinions')
  @AnyAuthenticated()
  @ApiOperation({ summary: 'The topic’s opinions, oldest first (carried ones name the merged topic)' })
  @ApiOkResponse({ type: OpinionPageDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  opinions(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<OpinionPageDto> {
    return this.participation.opinionsOf(user, id, query);
  }

  @Post(':id/support')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Support the topic during collection (a resident of the unit; once, again changes nothing)',
  })
  @ApiCreatedResponse({ type: SupportDto })
  @ApiForbiddenResponse({ description: RESIDENTS })
  @ApiConflictResponse({ description: WRONG_STEP })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  support(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<SupportDto> {
    return this.participation.support(user, id);
  }

  @Post(':id/objections')
  @AnyAuthenticated()
  @ApiOperation({ summary: 'Object to the published decision during public notice (a resident of the unit)' })
  @ApiCreatedResponse({ type: ObjectionDto })
  @ApiForbiddenResponse({ description: RESIDENTS })
  @ApiConflictResponse({ description: WRONG_STEP })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  object(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CreateObjectionDto,
  ): Promise<ObjectionDto> {
    return this.participation.object(user, id, body);
  }

  @Post(':id/ratings')
  @AnyAuthenticated()
  @ApiOperation({ summary: 'Rate the outcome (1–5) during evaluation (a resident of the unit; once)' })
  @ApiCreatedResponse({ type: TopicDto })
  @ApiForbiddenResponse({ description: RESIDENTS })
  @ApiConflictResponse({ description: `${WRONG_STEP}; deliberation.already-rated` })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  rate(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CreateRatingDto,
  ): Promise<TopicDto> {
    return this.participation.rate(user, id, body);
  }
}
