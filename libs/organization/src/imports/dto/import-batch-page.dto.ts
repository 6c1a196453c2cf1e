import { ApiProperty } from '@nestjs/swagger';
import { ImportBatchDto } from './import-batch.dto';

export class ImportBatchPageDto {
  @ApiProperty({ type: [ImportBatchDto] })
  items: ImportBatchDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
