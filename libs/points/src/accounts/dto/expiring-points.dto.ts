import { ApiProperty } from '@nestjs/swagger';

/** Points that expire together (one or more lots with the same expiry instant). */
export class ExpiringPointsDto {
  @ApiProperty({ example: 30 })
  amount: number;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}
