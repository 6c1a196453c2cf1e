import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { ACCOUNT_KINDS, AccountKind } from '../../ledger/points-owner';
import { EXPORT_FORMATS, ExportFormat } from '../export-table';

/** `?format=&from=&to=&accountKind=` of an owner's ledger export. */
export class EntriesExportQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries that occurred at or after this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries that occurred before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: ACCOUNT_KINDS, description: 'Only this account (default: both)' })
  @IsOptional()
  @IsIn(ACCOUNT_KINDS)
  accountKind?: AccountKind;
}
