import { ApiProperty } from '@nestjs/swagger';
import { ProfileUnitDto } from '../../profiles/dto/profile.dto';
import { TEAM_KINDS, TeamKind } from '../team-kind';

export class TeamLeaderDto {
  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ example: '王芳' })
  personName: string;
}

export class TeamDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: ProfileUnitDto })
  unit: ProfileUnitDto;

  @ApiProperty({ example: '幸福社区党员志愿服务队' })
  name: string;

  @ApiProperty({ enum: TEAM_KINDS })
  kind: TeamKind;

  @ApiProperty({ example: '党员志愿服务队' })
  kindDisplay: string;

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ example: 12 })
  memberCount: number;

  @ApiProperty({ type: TeamLeaderDto, nullable: true, description: 'The leader (队长), if appointed' })
  leader: TeamLeaderDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class TeamPageDto {
  @ApiProperty({ type: [TeamDto] })
  items: TeamDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
