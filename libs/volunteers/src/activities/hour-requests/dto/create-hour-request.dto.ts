import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsNumber, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '@linli/platform';

export class CreateHourRequestDto {
  @ApiProperty({ format: 'date', example: '2026-11-20', description: 'When the service was done (not in the future)' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ minimum: 0.25, maximum: 24, example: 2 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.25)
  @Max(24)
  hours: number;

  @ApiProperty({ maxLength: 1000, example: '为独居老人代买药品并陪同就医' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  description: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The unit the service was for (usually your community); its secretaries approve',
  })
  @IsUUID()
  unitId: string;
}
