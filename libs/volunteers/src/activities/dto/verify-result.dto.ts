import { ApiProperty } from '@nestjs/swagger';
import { AttendanceDto } from './attendance.dto';

export class VerifyResultDto {
  @ApiProperty({ type: [AttendanceDto], description: 'Attendances verified by this call' })
  verified: AttendanceDto[];

  @ApiProperty({
    type: [String],
    description: 'People named in personIds who were verified before (nothing done for them)',
  })
  alreadyVerified: string[];
}
