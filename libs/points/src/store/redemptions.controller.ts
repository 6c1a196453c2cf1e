import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
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
  ThrottleRoute,
  TransactionRunner,
  UuidParam,
} from '@linli/platform';
import { FulfilRedemptionDto } from './dto/fulfil-redemption.dto';
import { RedeemRewardDto } from './dto/redeem-reward.dto';
import { RedemptionPageDto } from './dto/redemption-page.dto';
import { RedemptionQueryDto } from './dto/redemption-query.dto';
import { RedemptionDto } from './dto/redemption.dto';
import { RedemptionAccess } from './redemption-access.service';
import { RedemptionsQuery } from './redemptions-query.service';
import { CancelRedemptionUseCase } from './usecases/cancel-redemption.usecase';
import { FulfilRedemptionUseCase } from './usecases/fulfil-redemption.usecase';
import { RedeemRewardUseCase } from './usecases/redeem-reward.usecase';

@ApiTags('points/store')
@Controller('points/redemptions')
export class RedemptionsController {
  constructor(
    private readonly redeem: RedeemRewardUseCase,
    private readonly fulfilRedemption: FulfilRedemptionUseCase,
    private readonly cancelRedemption: CancelRedemptionUseCase,
    private readonly access: RedemptionAccess,
    private readonly transactions: TransactionRunner,
    private readonly query: RedemptionsQuery,
  ) {}

  @Post()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Reserve a reward: points debited and stock decremented together, a pickup code issued',
    description:
      'A resident redeems for themselves; staff with points.redeem for owners in their scope. The same idempotencyKey answers the first redemption. Audited.',
  })
  @ApiCreatedResponse({ type: RedemptionDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown reward or owner, or outside your scope' })
  @ApiConflictResponse({
    description:
      'points.insufficient, points.out-of-stock, points.limit-reached, points.reward-inactive, points.idempotency-conflict',
  })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: RedeemRewardDto): Promise<RedemptionDto> {
    return this.redeem.execute(user, body);
  }

  @Get()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Redemptions, newest first',
    description:
      "With ownerType and ownerId: that owner's (the person themselves, or staff with points.read where the owner sits). Without: your own and those of the stores in your points.read scope.",
  })
  @ApiOkResponse({ type: RedemptionPageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown owner, or outside your scope' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: RedemptionQueryDto): Promise<RedemptionPageDto> {
    return this.query.list(user, query);
  }

  @Get(':id')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'One redemption',
    description: 'The owner, or staff with points.read at the store; the pickup code is shown to the owner only.',
  })
  @ApiOkResponse({ type: RedemptionDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<RedemptionDto> {
    return this.transactions.run(async (manager) =>
      this.access.presentOne(user, await this.access.load(manager, user, id, Permission.PointsRead), manager),
    );
  }

  @Post('pickup')
  @HttpCode(200)
  @RequirePermission(Permission.PointsRedeem)
  // Pickup codes are guessable in principle: attempts per clerk are limited (THROTTLE_CODE_*).
  @ThrottleRoute('code')
  @ApiOperation({
    summary: 'Hand a reward over against the pickup code the owner shows (the code alone)',
    description:
      'Needs points.redeem at the store of the reservation the code belongs to. Staff never see pickup codes. Audited.',
  })
  @ApiOkResponse({ type: RedemptionDto })
  @ApiForbiddenResponse({ description: 'points.self-authorization: the reservation is your own' })
  @ApiConflictResponse({
    description: 'points.wrong-pickup-code: no reservation with this code at a store you serve',
  })
  pickup(@CurrentUser() user: AuthenticatedUser, @Body() body: FulfilRedemptionDto): Promise<RedemptionDto> {
    return this.fulfilRedemption.executeByCode(user, body);
  }

  @Post(':id/fulfil')
  @HttpCode(200)
  @RequirePermission(Permission.PointsRedeem)
  @ThrottleRoute('code')
  @ApiOperation({
    summary: 'Hand the reward over against its pickup code',
    description: 'Needs points.redeem at the store. Audited.',
  })
  @ApiOkResponse({ type: RedemptionDto })
  @ApiForbiddenResponse({ description: 'points.self-authorization: the reservation is your own' })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiConflictResponse({
    description: 'points.wrong-pickup-code; points.redemption-closed (already fulfilled, cancelled or expired)',
  })
  fulfil(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: FulfilRedemptionDto,
  ): Promise<RedemptionDto> {
    return this.fulfilRedemption.execute(user, id, body);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Cancel a reservation: points refunded and stock restored, exactly once',
    description: 'The owner or staff with points.redeem at the store. Audited.',
  })
  @ApiOkResponse({ type: RedemptionDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiConflictResponse({ description: 'points.redemption-closed: already fulfilled' })
  cancel(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<RedemptionDto> {
    return this.cancelRedemption.execute(user, id);
  }
}
