import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class CastBallotDto {
  @ApiProperty({ example: '同意', description: "One of the vote's options" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  option: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Staff (deliberation.manage in the vote’s scope) recording a PAPER ballot for this person on the roll; never for yourself. Omit to cast your own ballot online.',
  })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Required with personId: the reference of the paper ballot (sheet number, photo id)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  evidenceRef?: string;
}
