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
import { DemandsQuery } from './demands-query.service';
import { ClaimDemandDto } from './dto/claim-demand.dto';
import { ConfirmDemandDto } from './dto/confirm-demand.dto';
import { CreateDemandDto } from './dto/create-demand.dto';
import { DemandMatchListDto } from './dto/demand-match.dto';
import { DemandDetailDto, DemandPageDto } from './dto/demand.dto';
import { DemandsQueryDto } from './dto/demands-query.dto';
import { FulfilDemandDto } from './dto/fulfil-demand.dto';
import { InvitationResultDto, InviteVolunteersDto } from './dto/invite-volunteers.dto';
import { MatchesQueryDto } from './dto/matches-query.dto';
import { RejectDemandDto } from './dto/reject-demand.dto';
import { CancelDemandUseCase } from './usecases/cancel-demand.usecase';
import { ClaimDemandUseCase } from './usecases/claim-demand.usecase';
import { ClaimLifecycleUseCase } from './usecases/claim-lifecycle.usecase';
import { FulfilDemandUseCase } from './usecases/fulfil-demand.usecase';
import { InviteVolunteersUseCase } from './usecases/invite-volunteers.usecase';
import { PostDemandUseCase } from './usecases/post-demand.usecase';
import { ResolveFulfilmentUseCase } from './usecases/resolve-fulfilment.usecase';

@ApiTags('volunteers/demands')
@Controller('volunteers/demands')
export class DemandsController {
  constructor(
    private readonly query: DemandsQuery,
    private readonly post: PostDemandUseCase,
    private readonly claimDemand: ClaimDemandUseCase,
    private readonly claims: ClaimLifecycleUseCase,
    private readonly fulfilDemand: FulfilDemandUseCase,
    private readonly resolution: ResolveFulfilmentUseCase,
    private readonly cancelDemand: CancelDemandUseCase,
    private readonly invitations: InviteVolunteersUseCase,
  ) {}

  @Post()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Post a micro-wish, service need or task',
    description:
      "A resident (account linked to a person) posts for themselves; staff with volunteers.manage at the unit post on a resident's behalf with requesterPersonId. Audited.",
  })
  @ApiCreatedResponse({ type: DemandDetailDto })
  @ApiBadRequestResponse({ description: 'validation.failed, volunteers.unknown-skill, volunteers.deadline-passed' })
  @ApiForbiddenResponse({
    description:
      'volunteers.person-not-linked (no linked person), auth.forbidden (posting for someone else without volunteers.manage)',
  })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown unit or person, or the unit outside your scope' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateDemandDto): Promise<DemandDetailDto> {
    return this.post.execute(user, body);
  }

  @Get()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Demands you may see, newest first',
    description:
      'Staff: those in their volunteers.read scope. Everyone: those they posted, claimed or were invited to, and those of the community they live in. mine=true: only those you posted or claimed.',
  })
  @ApiOkResponse({ type: DemandPageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown unitId, or outside your scope' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: DemandsQueryDto): Promise<DemandPageDto> {
    return this.query.list(user, query);
  }

  @Get(':id')
  @AnyAuthenticated()
  @ApiOperation({ summary: 'One demand with its live claim (time left) and every fulfilment attempt' })
  @ApiOkResponse({ type: DemandDetailDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<DemandDetailDto> {
    return this.query.get(user, id);
  }

  @Get(':id/matches')
  @RequirePermission(Permission.VolunteersRead)
  @ApiOperation({
    summary: 'Volunteers ranked for the demand, each with its score and the reasons for it',
    description: 'Skills, closeness in the unit tree, availability, recent load and rating.',
  })
  @ApiOkResponse({ type: DemandMatchListDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  matches(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Query() query: MatchesQueryDto,
  ): Promise<DemandMatchListDto> {
    return this.query.matches(user, id, query.limit ?? 20);
  }

  @Post(':id/invite')
  @HttpCode(200)
  @RequirePermission(Permission.VolunteersManage)
  @ApiOperation({
    summary: 'Ask the top N matches (or the people named) "能帮忙吗？"',
    description: 'Each person is invited at most once per demand. Audited.',
  })
  @ApiOkResponse({ type: InvitationResultDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiConflictResponse({ description: 'volunteers.demand-wrong-state: the demand is not open' })
  invite(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: InviteVolunteersDto,
  ): Promise<InvitationResultDto> {
    return this.invitations.execute(user, id, body);
  }

  @Post(':id/claim')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Claim an open demand',
    description:
      "For yourself (empty body), or, by staff with volunteers.manage, for another person (personId) or a party organization / institution (organizationId). The claim lapses after the demand's claim hours. Audited.",
  })
  @ApiCreatedResponse({ type: DemandDetailDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiConflictResponse({
    description:
      'volunteers.demand-taken (someone else holds the claim), volunteers.own-demand, volunteers.demand-wrong-state',
  })
  claim(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ClaimDemandDto,
  ): Promise<DemandDetailDto> {
    return this.claimDemand.execute(user, id, body);
  }

  @Post(':id/release')
  @HttpCode(200)
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Give the claim back: the demand is open again',
    description: 'The claimant, or staff with volunteers.manage. Audited.',
  })
  @ApiOkResponse({ type: DemandDetailDto })
  @ApiForbiddenResponse({ description: 'volunteers.not-claimant' })
  @ApiConflictResponse({ description: 'volunteers.demand-wrong-state' })
  release(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<DemandDetailDto> {
    return this.claims.release(user, id);
  }

  @Post(':id/extend')
  @HttpCode(200)
  @AnyAuthenticated()
  @ApiOperation({
    summary: "Push the claim's lapse time by the demand's claim hours (twice at most)",
    description: 'The claimant, or staff with volunteers.manage. Audited.',
  })
  @ApiOkResponse({ type: DemandDetailDto })
  @ApiForbiddenResponse({ description: 'volunteers.not-claimant' })
  @ApiConflictResponse({ description: 'volunteers.claim-extension-limit, volunteers.demand-wrong-state' })
  extend(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<DemandDetailDto> {
    return this.claims.extend(user, id);
  }

  @Post(':id/fulfil')
  @HttpCode(200)
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Report the demand done; the requester confirms or rejects',
    description:
      'The claimant, or staff with volunteers.manage. Publishes volunteers.wish.fulfilled (points pending). Audited.',
  })
  @ApiOkResponse({ type: DemandDetailDto })
  @ApiForbiddenResponse({ description: 'volunteers.not-claimant' })
  @ApiConflictResponse({ description: 'volunteers.demand-wrong-state' })
  fulfil(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: FulfilDemandDto,
  ): Promise<DemandDetailDto> {
    return this.fulfilDemand.execute(user, id, body);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Confirm the fulfilment with a rating (1–5)',
    description:
      "The requester, or staff with volunteers.manage for a requester without an account. Publishes volunteers.wish.confirmed (points available); the rating goes to the claimant's profile. Audited.",
  })
  @ApiOkResponse({ type: DemandDetailDto })
  @ApiForbiddenResponse({ description: 'volunteers.not-requester' })
  @ApiConflictResponse({ description: 'volunteers.demand-wrong-state' })
  confirm(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ConfirmDemandDto,
  ): Promise<DemandDetailDto> {
    return this.resolution.confirm(user, id, body);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Reject the fulfilment with a reason: back to claimed',
    description:
      'The requester, or staff with volunteers.manage. Publishes volunteers.wish.rejected (that attempt earns nothing). Audited.',
  })
  @ApiOkResponse({ type: DemandDetailDto })
  @ApiForbiddenResponse({ description: 'volunteers.not-requester' })
  @ApiConflictResponse({ description: 'volunteers.demand-wrong-state' })
  reject(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RejectDemandDto,
  ): Promise<DemandDetailDto> {
    return this.resolution.reject(user, id, body);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Withdraw an open or claimed demand',
    description: 'The requester, or staff with volunteers.manage. Audited.',
  })
  @ApiOkResponse({ type: DemandDetailDto })
  @ApiForbiddenResponse({ description: 'volunteers.not-requester' })
  @ApiConflictResponse({ description: 'volunteers.demand-wrong-state' })
  cancel(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<DemandDetailDto> {
    return this.cancelDemand.execute(user, id);
  }
}
