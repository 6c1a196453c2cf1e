import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { STAFF_ROLES, StaffRoleKind } from '../staff-role-kind';

export class CreateStaffRoleDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId: string;

  @ApiProperty({
    enum: STAFF_ROLES,
    description:
      'grid_worker at a grid, building_head and central_household at a building, community_worker at a community',
  })
  @IsIn(STAFF_ROLES)
  role: StaffRoleKind;

  @ApiProperty({ format: 'uuid', description: 'Where the role is held; within your staff-roles.manage scope' })
  @IsUUID()
  unitId: string;
}
