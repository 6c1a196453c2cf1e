import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@linli/platform';
import { IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { OWNER_TYPES, OwnerType } from '../../ledger/points-owner';
import { REDEMPTION_STATUSES, RedemptionStatus } from '../store-records';

/** `GET /points/redemptions`: one owner's redemptions (with ownerType and ownerId), or all those in the caller's reach. */
export class RedemptionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OWNER_TYPES })
  @ValidateIf((q: RedemptionQueryDto) => q.ownerType !== undefined || q.ownerId !== undefined)
  @IsIn(OWNER_TYPES)
  ownerType?: OwnerType;

  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((q: RedemptionQueryDto) => q.ownerType !== undefined || q.ownerId !== undefined)
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ enum: REDEMPTION_STATUSES })
  @IsOptional()
  @IsIn(REDEMPTION_STATUSES)
  status?: RedemptionStatus;
}
