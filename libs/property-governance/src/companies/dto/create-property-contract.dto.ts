import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class CreatePropertyContractDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  companyId!: string;

  @ApiProperty({ format: 'uuid', description: 'The complex served' })
  @IsUUID()
  complexId!: string;

  @ApiProperty({ example: '2026-07-01', format: 'date' })
  @IsISO8601({ strict: true })
  startsOn!: string;

  @ApiPropertyOptional({ example: '2029-06-30', format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  endsOn?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The closed, passed company_hiring decision that hired the company',
  })
  @IsOptional()
  @IsUUID()
  hiringDecisionId?: string;
}

export class EndPropertyContractDto {
  @ApiProperty({ example: '2026-12-31', format: 'date' })
  @IsISO8601({ strict: true })
  endsOn!: string;

  @ApiProperty({ example: '合同到期', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reason!: string;
}
