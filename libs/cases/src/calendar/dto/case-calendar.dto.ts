import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray } from 'class-validator';
import { IsCalendarDate } from '@linli/platform';

export class PutCaseCalendarDto {
  @ApiProperty({
    type: [String],
    example: ['2027-01-01', '2027-02-06'],
    description: 'Public holidays of the year (ISO dates in the business time zone), weekends included or not',
  })
  @IsArray()
  @ArrayMaxSize(366)
  @IsCalendarDate({ each: true })
  holidays: string[];

  @ApiProperty({
    type: [String],
    example: ['2027-02-14'],
    description: 'Make-up working days (调休): weekend days that are working days this year',
  })
  @IsArray()
  @ArrayMaxSize(366)
  @IsCalendarDate({ each: true })
  workdays: string[];
}

export class CaseCalendarDto {
  @ApiProperty({ example: 2027 })
  year: number;

  @ApiProperty({ type: [String] })
  holidays: string[];

  @ApiProperty({ type: [String] })
  workdays: string[];

  @ApiProperty({ description: 'Working days in the year by this calendar' })
  workingDays: number;

  @ApiProperty({ type: String, nullable: true })
  updatedByUserId: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt: string | null;
}
