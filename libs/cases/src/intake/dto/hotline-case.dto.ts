import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { CATEGORY_CODE } from '../../categories/dto/case-category.dto';
import { CASE_TYPES, CaseType } from '../../cases/case-flow';

export class HotlineCaseDto {
  @ApiProperty({
    example: 'BJ12345-20261203-000123',
    description: "The hotline's ticket number (工单号): a redelivery answers the same case",
  })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/, {
    message: 'ticketNumber must be letters, digits, _ . : - (at most 100)',
  })
  ticketNumber: string;

  @ApiProperty({ description: 'The unit the ticket concerns (a grid, complex, building, community…)' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ enum: CASE_TYPES })
  @IsIn(CASE_TYPES)
  type: CaseType;

  @ApiProperty({ example: 'demand.repair' })
  @Matches(CATEGORY_CODE)
  categoryCode: string;

  @ApiProperty({ example: '小区路灯不亮' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ enum: ['normal', 'urgent'] })
  @IsOptional()
  @IsIn(['normal', 'urgent'])
  urgency?: 'normal' | 'urgent';
}

export class HotlineReceiptDto {
  @ApiProperty()
  caseId: string;

  @ApiProperty()
  ticketNumber: string;

  @ApiProperty({ description: 'False when the ticket had been received before (a redelivery)' })
  created: boolean;

  @ApiProperty({ example: 'registered' })
  status: string;

  @ApiProperty({ example: 'grid' })
  level: string;

  @ApiProperty({ type: String, format: 'date-time' })
  responseDueAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolveDueAt: string | null;
}
