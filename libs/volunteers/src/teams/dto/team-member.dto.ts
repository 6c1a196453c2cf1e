import { ApiProperty } from '@nestjs/swagger';
import { TEAM_ROLES, TeamRole } from '../team-kind';

export class TeamMemberDto {
  @ApiProperty({ format: 'uuid' })
  teamId: string;

  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ example: '李强', description: "The person's name (no other personal data is shown here)" })
  personName: string;

  @ApiProperty({ enum: TEAM_ROLES })
  role: TeamRole;

  @ApiProperty({ example: '队员' })
  roleDisplay: string;

  @ApiProperty({ format: 'date-time' })
  joinedAt: string;
}

export class TeamMemberPageDto {
  @ApiProperty({ type: [TeamMemberDto] })
  items: TeamMemberDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
