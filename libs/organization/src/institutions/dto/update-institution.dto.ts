import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { INSTITUTION_KINDS, InstitutionKind } from '../institution-kind';

/** Absent fields stay as they are; `code: null` and `partyOrganizationId: null` clear them. */
export class UpdateInstitutionDto {
  @ApiPropertyOptional({ enum: INSTITUTION_KINDS })
  @IsOptional()
  @IsIn(INSTITUTION_KINDS)
  kind?: InstitutionKind;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 64 })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Its own party organization; null when it has none (any more)',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID()
  partyOrganizationId?: string | null;
}
