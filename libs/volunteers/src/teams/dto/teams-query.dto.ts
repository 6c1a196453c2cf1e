import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@linli/platform';
import { TEAM_KINDS, TeamKind } from '../team-kind';

export class TeamsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only teams at this unit or below it (404 when outside your scope)',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: TEAM_KINDS })
  @IsOptional()
  @IsIn(TEAM_KINDS)
  kind?: TeamKind;
}
