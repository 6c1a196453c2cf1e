import { ApiProperty } from '@nestjs/swagger';
import { OWNER_TYPES, OwnerType } from '../../ledger/points-owner';
import { LeaderboardEntryDto } from './leaderboard-entry.dto';

export class LeaderboardPageDto {
  @ApiProperty({ example: '2026Q4' })
  period: string;

  @ApiProperty({ enum: OWNER_TYPES })
  ownerType: OwnerType;

  @ApiProperty({ type: [LeaderboardEntryDto] })
  items: LeaderboardEntryDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
