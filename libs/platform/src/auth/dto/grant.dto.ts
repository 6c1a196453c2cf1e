import { ApiProperty } from '@nestjs/swagger';
import { RoleGrantEntity } from '../entities/role-grant.entity';
import { Role, ROLE_DISPLAY, ROLES } from '../roles';

export class GrantDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ example: '管理员', description: 'Chinese name of the role' })
  roleDisplay: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null = the whole deployment' })
  unitId: string | null;

  static from(grant: Pick<RoleGrantEntity, 'id' | 'role' | 'unitId'>): GrantDto {
    const dto = new GrantDto();
    dto.id = grant.id;
    dto.role = grant.role;
    dto.roleDisplay = ROLE_DISPLAY[grant.role];
    dto.unitId = grant.unitId;
    return dto;
  }
}
