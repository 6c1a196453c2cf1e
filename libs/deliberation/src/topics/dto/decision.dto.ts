import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

export class RecordDecisionDto {
  @ApiProperty({
    enum: ['vote', 'meeting'],
    description: 'A passed vote on this topic, or a meeting whose minutes adopted a decision on it',
  })
  @IsIn(['vote', 'meeting'])
  basis: 'vote' | 'meeting';

  @ApiPropertyOptional({ format: 'uuid', description: 'Required with basis vote' })
  @ValidateIf((o: RecordDecisionDto) => o.basis === 'vote' || o.voteId !== undefined)
  @IsUUID()
  voteId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required with basis meeting' })
  @ValidateIf((o: RecordDecisionDto) => o.basis === 'meeting' || o.meetingId !== undefined)
  @IsUUID()
  meetingId?: string;

  @ApiProperty({ maxLength: 2000, example: '同意加装电梯，费用按楼层分摊' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  summary: string;
}
