import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { TEAM_ROLES, TeamRole } from '../team-kind';

export class AddTeamMemberDto {
  @ApiProperty({ format: 'uuid', description: 'A person residing within your volunteers.manage scope' })
  @IsUUID()
  personId: string;

  @ApiProperty({ enum: TEAM_ROLES, description: 'leader 队长 (at most one per team), deputy 副队长, member 队员' })
  @IsIn(TEAM_ROLES)
  role: TeamRole;
}

export class ChangeTeamRoleDto {
  @ApiProperty({ enum: TEAM_ROLES, description: 'leader 队长 (at most one per team), deputy 副队长, member 队员' })
  @IsIn(TEAM_ROLES)
  role: TeamRole;
}
