import { ApiProperty } from '@nestjs/swagger';
import { UnitDto } from './unit.dto';

/** A short, complete list of units (a breadcrumb). */
export class UnitListDto {
  @ApiProperty({ type: [UnitDto] })
  items: UnitDto[];
}
