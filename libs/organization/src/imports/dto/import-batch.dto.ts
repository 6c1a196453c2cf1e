import { ApiProperty } from '@nestjs/swagger';
import { IMPORT_KINDS, ImportKind } from '../import-kind';

/** A recorded import. */
export class ImportBatchDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: IMPORT_KINDS })
  kind: ImportKind;

  @ApiProperty({ example: '治理单元' })
  displayKind: string;

  @ApiProperty({ example: '示范区单元.xlsx' })
  fileName: string;

  @ApiProperty({ description: 'SHA-256 of the uploaded file (hex)' })
  sha256: string;

  @ApiProperty({ example: 120 })
  rows: number;

  @ApiProperty({ example: 20 })
  created: number;

  @ApiProperty({ example: 3 })
  updated: number;

  @ApiProperty({ example: 97 })
  unchanged: number;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The account that ran the import' })
  createdBy: string | null;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The deepest unit containing every row of the file',
  })
  unitId: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}
