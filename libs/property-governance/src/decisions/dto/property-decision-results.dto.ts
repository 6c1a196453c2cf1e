import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BALLOT_CHANNELS, BallotChannel } from '../decision-record';
import { BALLOT_CHOICES, BallotChoice } from '../decision-rules';
import { PropertyDecisionTallyDto } from './property-decision-tally.dto';

/** One head in the published results: unit numbers and area, never a name or a person id. */
export class PropertyDecisionResultHeadDto {
  @ApiProperty({ type: [String], example: ['1栋-101'], description: 'building-number of each of its parts' })
  units: string[];

  @ApiProperty()
  areaM2: number;

  @ApiProperty({ description: 'The developer’s unsold and undelivered parts, counted as one head' })
  developer: boolean;

  @ApiPropertyOptional({ nullable: true, enum: BALLOT_CHOICES, description: 'null: did not vote' })
  choice: BallotChoice | null;

  @ApiPropertyOptional({ nullable: true, enum: BALLOT_CHANNELS })
  channel: BallotChannel | null;
}

export class PropertyDecisionResultsDto {
  @ApiProperty({ format: 'uuid' })
  decisionId: string;

  @ApiProperty({ type: PropertyDecisionTallyDto })
  tally: PropertyDecisionTallyDto;

  @ApiProperty({ type: [PropertyDecisionResultHeadDto] })
  heads: PropertyDecisionResultHeadDto[];
}
