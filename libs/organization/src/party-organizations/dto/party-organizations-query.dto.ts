import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@linli/platform';
import { ORGANIZATION_KINDS, OrganizationKind } from '../organization-kind';

export class PartyOrganizationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only organizations anchored at this unit or below it (404 when outside your scope)',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the direct children of this organization' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}
