import { ApiProperty } from '@nestjs/swagger';
import { StaffRoleDto } from './staff-role.dto';

export class StaffRolePageDto {
  @ApiProperty({ type: [StaffRoleDto] })
  items: StaffRoleDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
