import { Body, Controller, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission, UuidParam } from '@linli/platform';
import { RewardDto } from './dto/reward.dto';
import { UpdateRewardDto } from './dto/update-reward.dto';
import { RewardsService } from './rewards.service';

@ApiTags('points/store')
@Controller('points/rewards')
export class RewardAdminController {
  constructor(private readonly rewards: RewardsService) {}

  @Patch(':id')
  @RequirePermission(Permission.PointsStoreManage)
  @ApiOperation({
    summary: 'Change a reward (price, stock, limit, dates…)',
    description: "Needs points.store.manage at the store's unit. Audited as points.reward.updated.",
  })
  @ApiOkResponse({ type: RewardDto })
  @ApiBadRequestResponse({ description: 'validation.failed' })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown reward, or outside your scope' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateRewardDto,
  ): Promise<RewardDto> {
    return this.rewards.update(user, id, body);
  }
}
