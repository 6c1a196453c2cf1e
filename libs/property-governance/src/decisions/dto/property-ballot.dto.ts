import { ApiProperty } from '@nestjs/swagger';
import { BALLOT_CHANNELS, BallotChannel } from '../decision-record';
import { BALLOT_CHOICES, BallotChoice } from '../decision-rules';

/** The ballot just cast: never a count. */
export class PropertyBallotDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  decisionId: string;

  @ApiProperty({ enum: BALLOT_CHOICES })
  choice: BallotChoice;

  @ApiProperty({ enum: BALLOT_CHANNELS })
  channel: BallotChannel;

  @ApiProperty({ description: 'The head’s frozen exclusive area in m² the ballot carries' })
  areaM2: number;

  @ApiProperty({ format: 'date-time' })
  castAt: string;
}
