import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { BALLOT_CHANNELS, BallotChannel } from '../decision-record';
import { BALLOT_CHOICES, BallotChoice } from '../decision-rules';

export class CastPropertyBallotDto {
  @ApiProperty({ enum: BALLOT_CHOICES })
  @IsIn(BALLOT_CHOICES)
  choice: BallotChoice;

  @ApiPropertyOptional({
    enum: BALLOT_CHANNELS,
    default: 'online',
    description:
      'online: your own ballot as an owner; paper / proxy: staff (property.manage at the complex) record it with evidence, never for a head they own part of',
  })
  @IsOptional()
  @IsIn(BALLOT_CHANNELS)
  channel?: BallotChannel;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'paper / proxy: the owner whose head votes. Omitted on a paper or proxy ballot: the developer’s head (its unsold and undelivered parts)',
  })
  @IsOptional()
  @IsUUID()
  ownerPersonId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'proxy only: the person the owner authorized in writing (委托代理人)',
  })
  @IsOptional()
  @IsUUID()
  proxyPersonId?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description:
      'paper: the signed ballot’s reference; proxy: the written authorization’s reference. Required for both',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  evidence?: string;

  @ApiPropertyOptional({
    description:
      'The head voting, when the owner is an owner in several heads (e.g. a flat of their own and one co-owned); see myHeads on the decision',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  headKey?: string;
}
