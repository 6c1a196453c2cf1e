import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@linli/platform';
import { IsIn, IsOptional } from 'class-validator';
import { ACCOUNT_KINDS, AccountKind } from '../../ledger/points-owner';

/** `?accountKind=&limit=&cursor=` for an owner's entries and rule outcomes. */
export class PointsAccountQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ACCOUNT_KINDS, description: 'Only this account (default: both)' })
  @IsOptional()
  @IsIn(ACCOUNT_KINDS)
  accountKind?: AccountKind;
}
