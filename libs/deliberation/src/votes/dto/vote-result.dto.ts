import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VoteOutcome } from '../vote-rules';

export class VoteResultDto {
  @ApiProperty({ description: 'Distinct voter keys on the frozen roll (people, or households)' })
  eligible: number;

  @ApiProperty({ description: 'Ballots cast' })
  cast: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { 同意: 40, 不同意: 5, 弃权: 2 },
    description: 'Every option, zeros included',
  })
  counts: Record<string, number>;

  @ApiProperty()
  quorumMet: boolean;

  @ApiProperty({
    enum: ['passed', 'rejected', 'invalid', 'pending'],
    description: 'pending while the vote is open (live counts of a vote whose results are not hidden)',
  })
  outcome: VoteOutcome | 'pending';

  @ApiPropertyOptional({ description: 'The first option, when the vote passed' })
  passingOption?: string;
}
