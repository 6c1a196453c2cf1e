import { ApiProperty } from '@nestjs/swagger';
import { IMPORT_KINDS, ImportKind } from '../import-kind';

/** What an applied import changed (`POST /imports`). */
export class ImportResultDto {
  @ApiProperty({ format: 'uuid', description: 'The recorded batch (`GET /imports/:id`)' })
  batchId: string;

  @ApiProperty({ enum: IMPORT_KINDS })
  kind: ImportKind;

  @ApiProperty({ example: '治理单元' })
  displayKind: string;

  @ApiProperty({ description: 'Data rows in the file', example: 120 })
  rows: number;

  @ApiProperty({ description: 'Rows whose key was new', example: 20 })
  created: number;

  @ApiProperty({ description: 'Existing keys with at least one changed value', example: 3 })
  updated: number;

  @ApiProperty({ description: 'Existing keys whose values were all the same (not touched)', example: 97 })
  unchanged: number;
}
