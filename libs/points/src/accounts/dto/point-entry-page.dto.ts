import { ApiProperty } from '@nestjs/swagger';
import { PointEntryDto } from './point-entry.dto';

export class PointEntryPageDto {
  @ApiProperty({ type: [PointEntryDto] })
  items: PointEntryDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
