import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches } from 'class-validator';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class MonthlyReportQueryDto {
  @ApiProperty({ format: 'uuid', description: 'A community, a unit below it (its community) or above it (the sums)' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ example: '2026-11', description: 'A month of the business calendar (Asia/Shanghai)' })
  @IsString()
  @Matches(MONTH, { message: '期间须为月份，如 2026-11' })
  period: string;
}

export class RecomputeMonthlyReportDto {
  @ApiProperty({ example: '2026-11', description: 'The month to compute now' })
  @IsString()
  @Matches(MONTH, { message: '期间须为月份，如 2026-11' })
  period: string;
}
