import { ApiProperty } from '@nestjs/swagger';
import { AdjustmentDto } from './adjustment.dto';

export class BulkAdjustmentResultDto {
  @ApiProperty({ example: 3 })
  count: number;

  @ApiProperty({ type: [AdjustmentDto], description: 'One per owner, in request order' })
  items: AdjustmentDto[];
}
