import { ApiProperty } from '@nestjs/swagger';
import { UnitDto } from './unit.dto';

export class UnitPageDto {
  @ApiProperty({ type: [UnitDto] })
  items: UnitDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
