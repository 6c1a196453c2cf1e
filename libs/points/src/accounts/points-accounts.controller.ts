import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AnyAuthenticated, AuthenticatedUser, CurrentUser, UuidParam } from '@linli/platform';
import { OWNER_TYPES, OwnerType } from '../ledger/points-owner';
import { PointEntryPageDto } from './dto/point-entry-page.dto';
import { PointsAccountQueryDto } from './dto/points-account-query.dto';
import { PointsAccountViewDto } from './dto/points-account-view.dto';
import { RuleOutcomePageDto } from './dto/rule-outcome-page.dto';
import { OwnerTypeParam } from './owner-type.pipe';
import { PointsAccountsService } from './points-accounts.service';

const OWNER_ACCESS =
  'A resident or member reads their own (the person their account is linked to); staff need points.read where the person resides or the organization is anchored. 404 otherwise, as for an unknown owner.';

@ApiTags('points/accounts')
@ApiParam({ name: 'ownerType', enum: OWNER_TYPES })
@ApiParam({ name: 'ownerId', format: 'uuid', description: 'A person id or a party organization id' })
@Controller('points/accounts/:ownerType/:ownerId')
@AnyAuthenticated()
export class PointsAccountsController {
  constructor(private readonly accounts: PointsAccountsService) {}

  @Get()
  @ApiOperation({
    summary: "An owner's points: redeemable balance, pending points and upcoming expiries; assessment balance",
    description: OWNER_ACCESS,
  })
  @ApiOkResponse({ type: PointsAccountViewDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown owner, or not yours and outside your scope' })
  view(
    @CurrentUser() user: AuthenticatedUser,
    @OwnerTypeParam() ownerType: OwnerType,
    @UuidParam('ownerId') ownerId: string,
  ): Promise<PointsAccountViewDto> {
    return this.accounts.view(user, { type: ownerType, id: ownerId });
  }

  @Get('entries')
  @ApiOperation({
    summary: "An owner's ledger entries, newest first, with the reasons they read",
    description: OWNER_ACCESS,
  })
  @ApiOkResponse({ type: PointEntryPageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown owner, or not yours and outside your scope' })
  entries(
    @CurrentUser() user: AuthenticatedUser,
    @OwnerTypeParam() ownerType: OwnerType,
    @UuidParam('ownerId') ownerId: string,
    @Query() query: PointsAccountQueryDto,
  ): Promise<PointEntryPageDto> {
    return this.accounts.entries(user, { type: ownerType, id: ownerId }, query);
  }

  @Get('outcomes')
  @ApiOperation({
    summary:
      'What the points rules did for an owner, event by event (credited, capped, pending, rejected), newest first',
    description: OWNER_ACCESS,
  })
  @ApiOkResponse({ type: RuleOutcomePageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown owner, or not yours and outside your scope' })
  outcomes(
    @CurrentUser() user: AuthenticatedUser,
    @OwnerTypeParam() ownerType: OwnerType,
    @UuidParam('ownerId') ownerId: string,
    @Query() query: PointsAccountQueryDto,
  ): Promise<RuleOutcomePageDto> {
    return this.accounts.outcomes(user, { type: ownerType, id: ownerId }, query);
  }
}
