import { ApiPropertyOptional } from '@nestjs/swagger';
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
  ValidateIf,
} from 'class-validator';
import { ORGANIZATION_KINDS, OrganizationKind } from '../organization-kind';

/** Absent fields stay as they are; `parentId: null` and `code: null` clear them. */
export class UpdatePartyOrganizationDto {
  @ApiPropertyOptional({ example: '幸福小区党支部', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    enum: ORGANIZATION_KINDS,
    description: 'Publishes organization.organization.kind-changed when it changes (升格 / 调整)',
  })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'New parent organization; null detaches',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Replaces the covered units as a set' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  coveredUnitIds?: string[];

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 64 })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code?: string | null;
}
