import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VoteElectorate, VotePassRule, VoteQuorum } from '../vote-rules';
import { VoteResultDto } from './vote-result.dto';

export class MyBallotDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Your choice (null when another member of your household voted)',
  })
  option: string | null;

  @ApiProperty({ enum: ['online', 'paper'] })
  channel: 'online' | 'paper';

  @ApiProperty({ format: 'date-time' })
  castAt: string;

  @ApiProperty({ description: 'Cast by you (false: by another member of your household, for a household vote)' })
  byYou: boolean;
}

export class VoteDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty()
  unitName: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  topicId: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  conventionId: string | null;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: [String], description: 'The first option is the proposal' })
  options: string[];

  @ApiProperty({ enum: ['residents', 'households', 'representatives'] })
  electorate: VoteElectorate;

  @ApiProperty({ enum: ['more_than_half', 'two_thirds', 'none'] })
  quorum: VoteQuorum;

  @ApiProperty({ enum: ['more_than_half', 'two_thirds'] })
  passRule: VotePassRule;

  @ApiProperty({ format: 'date-time' })
  opensAt: string;

  @ApiProperty({ format: 'date-time' })
  closesAt: string;

  @ApiProperty()
  hideResults: boolean;

  @ApiProperty({
    enum: ['upcoming', 'open', 'ended', 'closed'],
    description:
      'upcoming before opensAt; open while ballots are taken; ended past closesAt until the job records the result; closed',
  })
  status: 'upcoming' | 'open' | 'ended' | 'closed';

  @ApiProperty({ description: 'Distinct voter keys on the frozen roll' })
  eligible: number;

  @ApiPropertyOptional({ type: VoteResultDto, nullable: true, description: 'Once closed' })
  result: VoteResultDto | null;

  @ApiPropertyOptional({ type: MyBallotDto, nullable: true, description: 'Your (or your household’s) ballot' })
  myBallot: MyBallotDto | null;

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  closedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class VotePageDto {
  @ApiProperty({ type: [VoteDto] })
  items: VoteDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
