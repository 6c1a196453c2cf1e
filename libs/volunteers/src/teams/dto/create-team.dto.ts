import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { TEAM_KINDS, TeamKind } from '../team-kind';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateTeamDto {
  @ApiProperty({ format: 'uuid', description: 'The unit the team belongs to; within your volunteers.manage scope' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ example: '幸福社区党员志愿服务队', maxLength: 100, description: 'Unique at the unit' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({
    enum: TEAM_KINDS,
    description: 'party_member 党员志愿服务队, red_vest 红马甲, professional 专业服务队, other',
  })
  @IsIn(TEAM_KINDS)
  kind: TeamKind;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;
}
