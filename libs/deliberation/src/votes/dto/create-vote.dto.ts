import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import {
  VOTE_ELECTORATES,
  VOTE_PASS_RULES,
  VOTE_QUORUMS,
  VoteElectorate,
  VotePassRule,
  VoteQuorum,
} from '../vote-rules';

export class CreateVoteDto {
  @ApiProperty({
    format: 'uuid',
    description:
      'Where the vote is held (a community, grid, complex or building) within your deliberation.manage scope; the roll is drawn from its subtree',
  })
  @IsUUID()
  unitId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The topic put to the vote: in its resolution step (决议), at this same unit',
  })
  @IsOptional()
  @IsUUID()
  topicId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The residents' convention put to the vote (its adoption)" })
  @IsOptional()
  @IsUUID()
  conventionId?: string;

  @ApiProperty({ maxLength: 200, example: '是否同意加装电梯' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({
    type: [String],
    minItems: 2,
    maxItems: 20,
    example: ['同意', '不同意', '弃权'],
    description:
      '2–20 distinct options (trimmed). The FIRST option is the proposal (「同意」): the vote passes iff the first option meets the pass rule; any other outcome is rejected (or invalid without quorum).',
  })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  options: string[];

  @ApiProperty({
    enum: VOTE_ELECTORATES,
    description:
      'residents: the residents of the subtree (adults where the birth date is known), one ballot each; households: the same people, one ballot per household; representatives: the active residents’ representatives (居民代表) at the unit or below',
  })
  @IsIn(VOTE_ELECTORATES)
  electorate: VoteElectorate;

  @ApiProperty({
    enum: VOTE_QUORUMS,
    description:
      'more_than_half: ballots cast × 2 > eligible (城市居民委员会组织法 arts 9–10); two_thirds: cast × 3 ≥ eligible × 2; none. Without quorum the vote is invalid.',
  })
  @IsIn(VOTE_QUORUMS)
  quorum: VoteQuorum;

  @ApiProperty({
    enum: VOTE_PASS_RULES,
    description:
      'Over the ballots cast, for the first option: more_than_half: count × 2 > cast; two_thirds: count × 3 ≥ cast × 2',
  })
  @IsIn(VOTE_PASS_RULES)
  passRule: VotePassRule;

  @ApiProperty({ format: 'date-time', description: 'Ballots from then; the roll is frozen as of that business date' })
  @IsISO8601({ strict: true })
  opensAt: string;

  @ApiProperty({ format: 'date-time', description: 'After opensAt; the vote closes then (by the close-votes job)' })
  @IsISO8601({ strict: true })
  closesAt: string;

  @ApiPropertyOptional({ default: true, description: 'Hide the counts until the vote closes' })
  @IsOptional()
  @IsBoolean()
  hideResults?: boolean;
}
