import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';

export class CreateRepresentativeDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The unit represented (a community, grid, complex or building), in your deliberation.manage scope',
  })
  @IsUUID()
  unitId: string;

  @ApiProperty({ format: 'uuid', description: 'The resident, living within the unit; not yourself' })
  @IsUUID()
  personId: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-01', description: 'Start of the mandate (default: today)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startedOn?: string;
}
