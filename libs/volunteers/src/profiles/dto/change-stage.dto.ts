import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { VOLUNTEER_STAGES, VolunteerStage } from '../volunteer-stage';

export class ChangeStageDto {
  @ApiProperty({
    enum: VOLUNTEER_STAGES,
    description:
      'volunteer (志愿者) → core_member (骨干队员) → deputy_secretary_candidate (兼职副书记人选); a step back is allowed too',
  })
  @IsIn(VOLUNTEER_STAGES)
  stage: VolunteerStage;

  @ApiProperty({ maxLength: 500, example: '连续两年服务时长超过100小时，群众评价好' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
