import { ApiProperty } from '@nestjs/swagger';

export class ComplexCoverageDto {
  @ApiProperty({ example: 640 })
  total: number;

  @ApiProperty({ example: 410, description: 'Covered by a branch, general branch or committee of their own' })
  ownBranch: number;

  @ApiProperty({ example: 120, description: 'Covered only by joint branches' })
  jointBranchOnly: number;

  @ApiProperty({ example: 110, description: 'Covered by no organization' })
  uncovered: number;
}

export class BuildingCoverageDto {
  @ApiProperty({ example: 6400 })
  total: number;

  @ApiProperty({
    example: 1500,
    description: 'A party group covers it, or an active central household (党员中心户) sits there',
  })
  covered: number;

  @ApiProperty({ example: 4900 })
  uncovered: number;
}

export class InstitutionKindCoverageDto {
  @ApiProperty({ example: 60 })
  total: number;

  @ApiProperty({ example: 51, description: 'With their own party organization' })
  covered: number;
}

/** Institutions per kind (every kind present, zeros included). */
export class InstitutionCoverageByKindDto {
  @ApiProperty({ type: InstitutionKindCoverageDto, description: '机关单位' })
  agency: InstitutionKindCoverageDto;

  @ApiProperty({ type: InstitutionKindCoverageDto, description: '国有企业' })
  state_enterprise: InstitutionKindCoverageDto;

  @ApiProperty({ type: InstitutionKindCoverageDto, description: '非公企业' })
  private_enterprise: InstitutionKindCoverageDto;

  @ApiProperty({ type: InstitutionKindCoverageDto, description: '社会组织' })
  social_organization: InstitutionKindCoverageDto;

  @ApiProperty({ type: InstitutionKindCoverageDto, description: '新业态企业' })
  new_business: InstitutionKindCoverageDto;
}

export class InstitutionCoverageDto {
  @ApiProperty({ example: 150 })
  total: number;

  @ApiProperty({ example: 128 })
  covered: number;

  @ApiProperty({ type: InstitutionCoverageByKindDto })
  byKind: InstitutionCoverageByKindDto;
}

/** `GET /units/:id/coverage`: exactly these fields (the contract of issue 3). */
export class CoverageDto {
  @ApiProperty({ type: ComplexCoverageDto })
  complexes: ComplexCoverageDto;

  @ApiProperty({ type: BuildingCoverageDto })
  buildings: BuildingCoverageDto;

  @ApiProperty({ type: InstitutionCoverageDto })
  institutions: InstitutionCoverageDto;
}
