import { ApiProperty } from '@nestjs/swagger';
import { ORGANIZATION_KIND_DISPLAY, ORGANIZATION_KINDS, OrganizationKind } from '../organization-kind';
import { PartyOrganizationEntity } from '../party-organization.entity';
import { OfficerDto } from './officer.dto';

export class PartyOrganizationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  kind: OrganizationKind;

  @ApiProperty({ example: '党支部' })
  displayKind: string;

  @ApiProperty({ example: '幸福小区党支部' })
  name: string;

  @ApiProperty({ nullable: true, type: String })
  code: string | null;

  @ApiProperty({ format: 'uuid', description: 'The anchor unit' })
  unitId: string;

  @ApiProperty({ example: '1.2.3.4.6', description: 'Materialized path of the anchor unit' })
  unitPath: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  parentId: string | null;

  @ApiProperty({ type: [String], format: 'uuid' })
  coveredUnitIds: string[];

  @ApiProperty({ description: 'Members whose organizational relation sits here (full and probationary)' })
  memberCount: number;

  @ApiProperty()
  fullMemberCount: number;

  @ApiProperty({ type: [OfficerDto], description: 'Current officers' })
  officers: OfficerDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  static from(
    organization: PartyOrganizationEntity,
    coveredUnitIds: string[],
    officers: OfficerDto[],
  ): PartyOrganizationDto {
    const dto = new PartyOrganizationDto();
    dto.id = organization.id;
    dto.kind = organization.kind;
    dto.displayKind = ORGANIZATION_KIND_DISPLAY[organization.kind];
    dto.name = organization.name;
    dto.code = organization.code;
    dto.unitId = organization.unitId;
    dto.unitPath = organization.unitPath;
    dto.parentId = organization.parentId;
    dto.coveredUnitIds = coveredUnitIds;
    dto.memberCount = organization.memberCount;
    dto.fullMemberCount = organization.fullMemberCount;
    dto.officers = officers;
    dto.createdAt = organization.createdAt.toISOString();
    dto.updatedAt = organization.updatedAt.toISOString();
    return dto;
  }
}
