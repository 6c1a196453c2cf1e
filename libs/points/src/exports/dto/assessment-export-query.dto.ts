import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { EXPORT_FORMATS, ExportFormat } from '../export-table';

/** `?period=&unitId=&format=` of the assessment export. */
export class AssessmentExportQueryDto {
  @ApiProperty({ example: '2026Q4', description: 'A quarter key' })
  @IsString()
  period: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Only owners within this unit's subtree (default: your whole scope)",
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}
