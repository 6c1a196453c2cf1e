import { ApiProperty } from '@nestjs/swagger';
import { ExpiringPointsDto } from './expiring-points.dto';

export class RedeemableAccountDto {
  @ApiProperty({ description: 'Points that can be spent now', example: 120 })
  balance: number;

  @ApiProperty({
    description:
      'Points awaiting a confirmation (e.g. a micro-wish the resident has not confirmed yet); they do not count or spend until confirmed',
    example: 20,
  })
  pending: number;

  @ApiProperty({ type: [ExpiringPointsDto], description: 'Every upcoming expiry batch of the balance, soonest first' })
  expiring: ExpiringPointsDto[];
}
