import { ApiProperty } from '@nestjs/swagger';

/** A person's volunteer level, from the points earned over the level window (never the balance). */
export class VolunteerLevelDto {
  @ApiProperty({ example: 'star-3' })
  code: string;

  @ApiProperty({ example: '三星志愿者' })
  display: string;

  @ApiProperty({ example: 320, description: 'Redeemable points earned over the last 12 months (credits net of their reversals; spending does not count)' })
  earnedInWindow: number;
}
