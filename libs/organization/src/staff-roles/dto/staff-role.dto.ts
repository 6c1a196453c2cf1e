import { ApiProperty } from '@nestjs/swagger';
import { STAFF_ROLE_DISPLAY, STAFF_ROLES, StaffRoleKind } from '../staff-role-kind';
import { StaffRoleEntity } from '../staff-role.entity';

export class StaffRoleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ example: '王芳' })
  personName: string;

  @ApiProperty({ enum: STAFF_ROLES })
  role: StaffRoleKind;

  @ApiProperty({ example: '网格员' })
  displayRole: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ example: '1.2.3.4.5' })
  unitPath: string;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: "The scope grant the role brought to the person's account, if any",
  })
  grantId: string | null;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  startedAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  endedAt: string | null;

  static from(role: StaffRoleEntity, personName: string): StaffRoleDto {
    const dto = new StaffRoleDto();
    dto.id = role.id;
    dto.personId = role.personId;
    dto.personName = personName;
    dto.role = role.role;
    dto.displayRole = STAFF_ROLE_DISPLAY[role.role];
    dto.unitId = role.unitId;
    dto.unitPath = role.unitPath;
    dto.grantId = role.grantId;
    dto.active = role.endedAt === null;
    dto.startedAt = role.startedAt.toISOString();
    dto.endedAt = role.endedAt ? role.endedAt.toISOString() : null;
    return dto;
  }
}
