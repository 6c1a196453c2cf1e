import { ApiProperty } from '@nestjs/swagger';
import { OFFICER_ROLE_DISPLAY, OFFICER_ROLES, OfficerRole } from '../organization-kind';
import { OrganizationOfficerEntity } from '../organization-officer.entity';

/** An officer's term; `current` is false once replaced (`endedAt`). */
export class OfficerDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ example: '王芳' })
  personName: string;

  @ApiProperty({ enum: OFFICER_ROLES })
  role: OfficerRole;

  @ApiProperty({ example: '书记' })
  displayRole: string;

  @ApiProperty({ format: 'date', example: '2026-03-01' })
  termStart: string;

  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2031-03-01' })
  termEnd: string | null;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the tenure ended (replaced); null while current',
  })
  endedAt: string | null;

  @ApiProperty()
  current: boolean;

  static from(officer: OrganizationOfficerEntity, personName: string): OfficerDto {
    const dto = new OfficerDto();
    dto.id = officer.id;
    dto.organizationId = officer.organizationId;
    dto.personId = officer.personId;
    dto.personName = personName;
    dto.role = officer.role;
    dto.displayRole = OFFICER_ROLE_DISPLAY[officer.role];
    dto.termStart = officer.termStart;
    dto.termEnd = officer.termEnd;
    dto.endedAt = officer.endedAt ? officer.endedAt.toISOString() : null;
    dto.current = officer.endedAt === null;
    return dto;
  }
}
