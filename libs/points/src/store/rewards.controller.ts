import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
import { CreateRewardDto } from './dto/create-reward.dto';
import { RewardListDto } from './dto/reward-list.dto';
import { RewardDto } from './dto/reward.dto';
import { RewardsService } from './rewards.service';

@ApiTags('points/store')
@Controller('points/stores/:unitId/rewards')
export class RewardsController {
  constructor(private readonly rewards: RewardsService) {}

  @Get()
  @AnyAuthenticated()
  @ApiOperation({
    summary: "A store's rewards",
    description: "Residents of the unit's subtree, or staff with points.read there.",
  })
  @ApiOkResponse({ type: RewardListDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown unit, or outside your scope' })
  list(@CurrentUser() user: AuthenticatedUser, @UuidParam('unitId') unitId: string): Promise<RewardListDto> {
    return this.rewards.list(user, unitId);
  }

  @Post()
  @RequirePermission(Permission.PointsStoreManage)
  @ApiOperation({
    summary: "Offer a reward in the unit's store",
    description: 'Needs points.store.manage at the unit. Audited as points.reward.created.',
  })
  @ApiCreatedResponse({ type: RewardDto })
  @ApiBadRequestResponse({ description: 'validation.failed' })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown unit, or outside your scope' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('unitId') unitId: string,
    @Body() body: CreateRewardDto,
  ): Promise<RewardDto> {
    return this.rewards.create(user, unitId, body);
  }
}
