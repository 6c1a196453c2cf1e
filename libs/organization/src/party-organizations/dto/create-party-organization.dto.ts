import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { ORGANIZATION_KINDS, OrganizationKind } from '../organization-kind';

export class CreatePartyOrganizationDto {
  @ApiProperty({ enum: ORGANIZATION_KINDS, example: 'branch' })
  @IsIn(ORGANIZATION_KINDS)
  kind: OrganizationKind;

  @ApiProperty({ example: '幸福小区党支部', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The anchor unit (where the organization sits); within your organizations.manage scope',
  })
  @IsUUID()
  unitId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Parent organization (within your organizations.read scope). Required for a party group, whose parent is a branch or joint branch',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      'Units the organization covers (default: [unitId]); each within your organizations.manage scope. A joint branch covers two or more',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  coveredUnitIds?: string[];

  @ApiPropertyOptional({ example: 'DZB-0012', maxLength: 64, description: 'Office code; unique' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code?: string;
}
