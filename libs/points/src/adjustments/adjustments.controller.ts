import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission } from '@linli/platform';
import { AdjustmentDto } from './dto/adjustment.dto';
import { BulkAdjustmentDto } from './dto/bulk-adjustment.dto';
import { BulkAdjustmentResultDto } from './dto/bulk-adjustment-result.dto';
import { CreateAdjustmentDto } from './dto/create-adjustment.dto';
import { AdjustPointsUseCase } from './usecases/adjust-points.usecase';
import { BulkAdjustPointsUseCase } from './usecases/bulk-adjust-points.usecase';

const SELF =
  "points.self-authorization: the owner is the caller's own person, or the organization the caller is the secretary of";

@ApiTags('points/adjustments')
@Controller('points/adjustments')
@RequirePermission(Permission.PointsAdjust)
export class AdjustmentsController {
  constructor(
    private readonly adjustPoints: AdjustPointsUseCase,
    private readonly bulkAdjustPoints: BulkAdjustPointsUseCase,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Award (positive amount) or deduct (negative) points by hand, with a reason',
    description: 'Needs points.adjust where the owner sits. Audited as points.adjusted.',
  })
  @ApiCreatedResponse({ type: AdjustmentDto })
  @ApiForbiddenResponse({ description: SELF })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown owner, or outside your scope' })
  @ApiConflictResponse({
    description:
      'points.insufficient: the deduction would overdraw the account; points.idempotency-conflict: the key was used for another adjustment',
  })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateAdjustmentDto): Promise<AdjustmentDto> {
    return this.adjustPoints.execute(user, body);
  }

  @Post('bulk')
  @ApiOperation({
    summary: 'One adjustment for many owners, all or nothing',
    description: 'Needs points.adjust where every owner sits. Each owner audited as points.adjusted.',
  })
  @ApiCreatedResponse({ type: BulkAdjustmentResultDto })
  @ApiForbiddenResponse({ description: `${SELF} (nothing written)` })
  @ApiNotFoundResponse({
    description: 'resource.not-found: an owner is unknown or outside your scope (nothing written)',
  })
  @ApiConflictResponse({
    description: "points.insufficient: a deduction would overdraw an owner's account (nothing written)",
  })
  bulk(@CurrentUser() user: AuthenticatedUser, @Body() body: BulkAdjustmentDto): Promise<BulkAdjustmentResultDto> {
    return this.bulkAdjustPoints.execute(user, body);
  }
}
