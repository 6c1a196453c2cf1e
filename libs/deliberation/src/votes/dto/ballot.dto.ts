import { ApiProperty } from '@nestjs/swagger';
import { BallotRecord } from '../vote-record';

/** A ballot as its voter (or the staff member recording it) sees it: never any count. */
export class BallotDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  voteId: string;

  @ApiProperty({ format: 'uuid', description: 'The voter' })
  personId: string;

  @ApiProperty()
  option: string;

  @ApiProperty({ enum: ['online', 'paper'] })
  channel: 'online' | 'paper';

  @ApiProperty({ type: String, nullable: true, description: 'Paper ballots: the evidence reference' })
  evidenceRef: string | null;

  @ApiProperty({ format: 'date-time' })
  castAt: string;

  static from(ballot: BallotRecord): BallotDto {
    return {
      id: ballot.id,
      voteId: ballot.voteId,
      personId: ballot.personId,
      option: ballot.option,
      channel: ballot.channel,
      evidenceRef: ballot.evidenceRef,
      castAt: ballot.castAt.toISOString(),
    };
  }
}
