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
import { DecisionsService } from './decisions.service';
import { CastPropertyBallotDto } from './dto/cast-property-ballot.dto';
import { CreatePropertyDecisionDto } from './dto/create-property-decision.dto';
import { PropertyBallotDto } from './dto/property-ballot.dto';
import { PropertyDecisionDto, PropertyDecisionPageDto } from './dto/property-decision.dto';
import { PropertyDecisionResultsDto } from './dto/property-decision-results.dto';
import { PropertyDecisionTallyDto } from './dto/property-decision-tally.dto';
import { PropertyDecisionsQueryDto } from './dto/property-decisions-query.dto';
import { CastPropertyBallotUseCase } from './usecases/cast-property-ballot.usecase';
import { ClosePropertyDecisionUseCase } from './usecases/close-property-decision.usecase';
import { CreatePropertyDecisionUseCase } from './usecases/create-property-decision.usecase';

const NOT_FOUND = 'resource.not-found: unknown, or neither in your property.read scope nor a complex you own a part of';

@ApiTags('property-governance/decisions')
@Controller('property/decisions')
export class DecisionsController {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly createDecision: CreatePropertyDecisionUseCase,
    private readonly castBallot: CastPropertyBallotUseCase,
    private readonly closeDecision: ClosePropertyDecisionUseCase,
  ) {}

  @Post()
  @RequirePermission(Permission.PropertyManage)
  @ApiOperation({
    summary: 'Put a matter to the owners (业主共同决定, 民法典 第二百七十八条)',
    description:
      'The roll is frozen now: one head per exclusive part, the developer’s unsold and undelivered parts as one, one buyer’s parts as one (SPC interpretation arts 8–9). Audited as property.decision-created.',
  })
  @ApiCreatedResponse({ type: PropertyDecisionDto })
  @ApiBadRequestResponse({ description: 'validation.failed; property.decision-times; property.not-a-complex' })
  @ApiNotFoundResponse({ description: 'resource.not-found: the complex is unknown or outside your scope' })
  @ApiConflictResponse({ description: 'property.no-electorate: the complex has no exclusive part on record' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreatePropertyDecisionDto,
  ): Promise<PropertyDecisionDto> {
    return this.createDecision.execute(user, body);
  }

  @Get()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Decisions you may see, newest first',
    description: 'Staff: in their property.read scope. Owners: of the complexes they own a part of.',
  })
  @ApiOkResponse({ type: PropertyDecisionPageDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PropertyDecisionsQueryDto,
  ): Promise<PropertyDecisionPageDto> {
    return this.decisions.list(user, query);
  }

  @Get(':id')
  @AnyAuthenticated()
  @ApiOperation({ summary: 'One decision, with your own head(s) on its roll (myHead) and whether they voted' })
  @ApiOkResponse({ type: PropertyDecisionDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<PropertyDecisionDto> {
    return this.decisions.get(user, id);
  }

  @Post(':id/ballots')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Vote online as an owner, or (staff) record a paper or proxy ballot with its evidence',
    description:
      'One ballot per head (co-owners share it), weighted by the head’s frozen area, even under concurrent requests; no re-voting. The developer’s head votes by a paper or proxy ballot recorded by staff without ownerPersonId. Paper and proxy ballots are audited.',
  })
  @ApiCreatedResponse({ type: PropertyBallotDto })
  @ApiBadRequestResponse({
    description:
      'validation.failed; property.evidence-required; property.proxy-person; property.head-ambiguous (name headKey)',
  })
  @ApiForbiddenResponse({
    description:
      'property.not-on-roll; property.person-not-linked; property.self-authorization (a head you own part of)',
  })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({
    description: 'property.decision-not-open; property.head-already-voted (本户（专有部分）已投票)',
  })
  ballot(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CastPropertyBallotDto,
  ): Promise<PropertyBallotDto> {
    return this.castBallot.execute(user, id, body);
  }

  @Get(':id/tally')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'The live tally: four ratios, what each threshold still needs, the outcome so far',
    description: 'Closed: the result fixed at closing.',
  })
  @ApiOkResponse({ type: PropertyDecisionTallyDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  tally(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<PropertyDecisionTallyDto> {
    return this.decisions.tally(user, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission(Permission.PropertyDecide)
  @ApiOperation({
    summary: 'Close the decision and fix its result',
    description:
      'Before closesAt only once every head has voted (the close-decisions job closes it at its end time). Publishes property.decision.closed; audited as property.decision-closed.',
  })
  @ApiOkResponse({ type: PropertyDecisionTallyDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown or outside your property.decide scope' })
  @ApiConflictResponse({ description: 'property.decision-still-open; property.decision-not-open (closed already)' })
  close(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<PropertyDecisionTallyDto> {
    return this.closeDecision.execute(user, id);
  }

  @Get(':id/results')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Published results: per head its unit numbers, area, choice and channel, never a name',
  })
  @ApiOkResponse({ type: PropertyDecisionResultsDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'property.results-not-published: the decision is not closed yet' })
  results(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<PropertyDecisionResultsDto> {
    return this.decisions.results(user, id);
  }
}
