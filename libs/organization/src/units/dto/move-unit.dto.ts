import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class MoveUnitDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The new parent; its kind must be an allowed parent of the unit, and it must not lie inside the unit',
  })
  @IsUUID()
  parentId: string;
}
