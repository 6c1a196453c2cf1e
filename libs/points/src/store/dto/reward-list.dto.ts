import { ApiProperty } from '@nestjs/swagger';
import { RewardDto } from './reward.dto';

export class RewardListDto {
  @ApiProperty({ type: [RewardDto] }) items: RewardDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: a store lists all its rewards' }) nextCursor:
    string | null;
}
