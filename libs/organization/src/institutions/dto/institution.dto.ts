import { ApiProperty } from '@nestjs/swagger';
import { INSTITUTION_KIND_DISPLAY, INSTITUTION_KINDS, InstitutionKind } from '../institution-kind';
import { InstitutionEntity } from '../institution.entity';

export class InstitutionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: INSTITUTION_KINDS })
  kind: InstitutionKind;

  @ApiProperty({ example: '非公企业' })
  displayKind: string;

  @ApiProperty({ example: '幸福物流有限公司' })
  name: string;

  @ApiProperty({ nullable: true, type: String })
  code: string | null;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ example: '1.2.3.4' })
  unitPath: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  partyOrganizationId: string | null;

  @ApiProperty({ description: 'Whether it has its own party organization (两新组织覆盖)' })
  hasPartyOrganization: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  static from(institution: InstitutionEntity): InstitutionDto {
    const dto = new InstitutionDto();
    dto.id = institution.id;
    dto.kind = institution.kind;
    dto.displayKind = INSTITUTION_KIND_DISPLAY[institution.kind];
    dto.name = institution.name;
    dto.code = institution.code;
    dto.unitId = institution.unitId;
    dto.unitPath = institution.unitPath;
    dto.partyOrganizationId = institution.partyOrganizationId;
    dto.hasPartyOrganization = institution.partyOrganizationId !== null;
    dto.createdAt = institution.createdAt.toISOString();
    dto.updatedAt = institution.updatedAt.toISOString();
    return dto;
  }
}
