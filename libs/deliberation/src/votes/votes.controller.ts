import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
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
import { BallotDto } from './dto/ballot.dto';
import { CastBallotDto } from './dto/cast-ballot.dto';
import { CreateVoteDto } from './dto/create-vote.dto';
import { VoteDto, VotePageDto } from './dto/vote.dto';
import { VoteResultDto } from './dto/vote-result.dto';
import { VotesQueryDto } from './dto/votes-query.dto';
import { CastBallotUseCase } from './usecases/cast-ballot.usecase';
import { CloseVoteUseCase } from './usecases/close-vote.usecase';
import { CreateVoteUseCase } from './usecases/create-vote.usecase';
import { VotesService } from './votes.service';

@ApiTags('deliberation/votes')
@Controller('deliberation/votes')
export class VotesController {
  constructor(
    private readonly votes: VotesService,
    private readonly createVote: CreateVoteUseCase,
    private readonly castBallot: CastBallotUseCase,
    private readonly closeVote: CloseVoteUseCase,
  ) {}

  @Post()
  @RequirePermission(Permission.DeliberationManage)
  @ApiOperation({
    summary: 'Put a matter to the vote (表决), standalone or on a topic in its resolution step',
    description:
      'The electoral roll is frozen now: residents of the subtree (adults where the birth date is known, as of the opening date), one ballot per household, or the active representatives. Audited as deliberation.vote-created.',
  })
  @ApiCreatedResponse({ type: VoteDto })
  @ApiBadRequestResponse({
    description:
      'validation.failed; deliberation.vote-times; deliberation.vote-options; deliberation.unit-kind; deliberation.vote-unit-mismatch (the topic is at another unit)',
  })
  @ApiNotFoundResponse({
    description: 'resource.not-found: the unit, topic or convention is unknown or outside your scope',
  })
  @ApiConflictResponse({
    description: 'deliberation.action-not-allowed / deliberation.topic-inactive: the topic is not in resolution',
  })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateVoteDto): Promise<VoteDto> {
    return this.createVote.execute(user, body);
  }

  @Get()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Votes you may see, newest first',
    description: 'Staff: in their deliberation.read scope. Residents: at the unit they live in and the units above it.',
  })
  @ApiOkResponse({ type: VotePageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: VotesQueryDto): Promise<VotePageDto> {
    return this.votes.list(user, query);
  }

  @Get(':id')
  @AnyAuthenticated()
  @ApiOperation({ summary: 'One vote, with your (or your household’s) ballot; 404 when you may not see it' })
  @ApiOkResponse({ type: VoteDto })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<VoteDto> {
    return this.votes.get(user, id);
  }

  @Post(':id/ballots')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Cast your ballot online, or (staff, with personId) record a paper ballot with its evidence',
    description:
      'One ballot per voter, or per household for a household vote, even under concurrent requests. The answer never carries counts. Paper ballots are audited as deliberation.paper-ballot-recorded.',
  })
  @ApiCreatedResponse({ type: BallotDto })
  @ApiBadRequestResponse({
    description: 'validation.failed; deliberation.vote-option-unknown; deliberation.evidence-required',
  })
  @ApiForbiddenResponse({
    description:
      'deliberation.not-on-roll; deliberation.person-not-linked; deliberation.self-authorization (a paper ballot for yourself)',
  })
  @ApiNotFoundResponse({ description: 'resource.not-found: the vote (or the person) is unknown or outside your scope' })
  @ApiConflictResponse({
    description:
      'deliberation.vote-not-open (before opensAt, after closesAt, or closed); deliberation.already-voted (本户已投票 for a household)',
  })
  ballot(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CastBallotDto,
  ): Promise<BallotDto> {
    return this.castBallot.execute(user, id, body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission(Permission.DeliberationDecide)
  @ApiOperation({
    summary: 'Close the vote and record its result',
    description:
      'Before closesAt only once every eligible voter has voted (the close-votes job closes it at its end time). Audited as deliberation.vote-closed.',
  })
  @ApiOkResponse({ type: VoteResultDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown or outside your deliberation.decide scope' })
  @ApiConflictResponse({ description: 'deliberation.vote-still-open; deliberation.vote-not-open (closed already)' })
  close(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<VoteResultDto> {
    return this.closeVote.execute(user, id);
  }

  @Get(':id/result')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'The result: eligible, cast, counts per option, quorum met, outcome',
    description:
      'Closed (or past its end time): the final figures. Open: live counts with outcome pending, unless the results are hidden.',
  })
  @ApiOkResponse({ type: VoteResultDto })
  @ApiConflictResponse({ description: 'deliberation.results-hidden: open and hidden until it closes (staff included)' })
  result(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<VoteResultDto> {
    return this.votes.result(user, id);
  }
}
