import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@linli/platform';
import { SIGNUP_STATUSES, SignupStatus } from '../activity-kind';

export class AttendanceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: SIGNUP_STATUSES,
    description: 'Only sign-ups in this state (default: all, in queue order)',
  })
  @IsOptional()
  @IsIn(SIGNUP_STATUSES)
  status?: SignupStatus;
}
