import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsNumber, IsString, Max, MaxLength, Min } from 'class-validator';

export class CorrectAttendanceDto {
  @ApiProperty({ minimum: 0, maximum: 24 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(24)
  hours: number;

  @ApiProperty({ maxLength: 500, example: '签退时手机没电，实际服务至 12:00' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
