import { ApiProperty } from '@nestjs/swagger';
import { VOLUNTEER_STAGE_DISPLAY, VOLUNTEER_STAGES, VolunteerStage } from '../volunteer-stage';
import { VolunteerStageChangeEntity } from '../volunteer-stage-change.entity';

export class StageChangeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  profileId: string;

  @ApiProperty({ enum: VOLUNTEER_STAGES })
  fromStage: VolunteerStage;

  @ApiProperty({ example: '志愿者' })
  fromStageDisplay: string;

  @ApiProperty({ enum: VOLUNTEER_STAGES })
  toStage: VolunteerStage;

  @ApiProperty({ example: '骨干队员' })
  toStageDisplay: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'uuid', description: 'The account that made the change' })
  changedBy: string;

  @ApiProperty({ format: 'date-time' })
  changedAt: string;

  static from(change: VolunteerStageChangeEntity): StageChangeDto {
    const dto = new StageChangeDto();
    dto.id = change.id;
    dto.profileId = change.profileId;
    dto.fromStage = change.fromStage;
    dto.fromStageDisplay = VOLUNTEER_STAGE_DISPLAY[change.fromStage];
    dto.toStage = change.toStage;
    dto.toStageDisplay = VOLUNTEER_STAGE_DISPLAY[change.toStage];
    dto.reason = change.reason;
    dto.changedBy = change.changedBy;
    dto.changedAt = change.changedAt.toISOString();
    return dto;
  }
}

export class StageChangePageDto {
  @ApiProperty({ type: [StageChangeDto] })
  items: StageChangeDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
