import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { INSTITUTION_KINDS, InstitutionKind } from '../institution-kind';

export class CreateInstitutionDto {
  @ApiProperty({ enum: INSTITUTION_KINDS })
  @IsIn(INSTITUTION_KINDS)
  kind: InstitutionKind;

  @ApiProperty({ example: '市税务局第三分局', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({
    format: 'uuid',
    description: 'Where the institution is located; within your institutions.manage scope',
  })
  @IsUUID()
  unitId: string;

  @ApiPropertyOptional({
    example: '91310000MA1FL8XQ3T',
    maxLength: 64,
    description: 'Unified social credit code or office code; unique',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Its own party organization (within your organizations.read scope)',
  })
  @IsOptional()
  @IsUUID()
  partyOrganizationId?: string;
}
