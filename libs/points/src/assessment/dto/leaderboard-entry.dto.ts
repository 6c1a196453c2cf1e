import { ApiProperty } from '@nestjs/swagger';
import { OWNER_TYPES, OwnerType } from '../../ledger/points-owner';

export class LeaderboardEntryDto {
  @ApiProperty({ description: 'Ties share a rank' })
  rank: number;

  @ApiProperty({ enum: OWNER_TYPES })
  ownerType: OwnerType;

  @ApiProperty({ format: 'uuid' })
  ownerId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ description: 'Assessment points credited within the period' })
  points: number;
}
