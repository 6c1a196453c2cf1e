import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PropertyShareDto {
  @ApiProperty({ description: 'People (or complexes) counted' })
  total: number;

  @ApiProperty()
  count: number;

  @ApiProperty({ description: 'count ÷ total, 6 decimals; 0 when total is 0' })
  rate: number;
}

export class PropertyBodyHoldersDto {
  @ApiProperty({
    enum: [
      'party_branch',
      'owners_committee',
      'deliberation_council',
      'supervisory_council',
      'building_heads',
      'owner_representatives',
      'company',
    ],
  })
  body: string;

  @ApiProperty({ description: '小区党支部, 业主委员会, 议事会, 监事会, 楼栋长, 业主代表, 物业服务企业' })
  bodyDisplay: string;

  @ApiProperty({
    type: PropertyShareDto,
    description: 'Current holders (the branch: its secretary); count = party members among them',
  })
  partyMembers: PropertyShareDto;
}

export class PropertyLackingComplexDto {
  @ApiProperty({ format: 'uuid' })
  complexId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: [String], enum: ['branch', 'committee', 'company'] })
  lacks: ('branch' | 'committee' | 'company')[];
}

export class PropertyOverviewDto {
  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty()
  unitName: string;

  @ApiProperty({ description: 'Residential complexes (小区) in the subtree' })
  complexes: number;

  @ApiProperty({ description: 'Complexes with their own party organization (branch, general branch or committee)' })
  withOwnBranch: number;

  @ApiProperty({ description: 'Complexes covered by a joint branch (联合党支部) only' })
  withJointBranch: number;

  @ApiProperty({ description: 'Complexes with an active owners’ committee' })
  withCommittee: number;

  @ApiProperty({ description: 'Complexes with a property service contract in force today' })
  withCompany: number;

  @ApiProperty({
    type: PropertyShareDto,
    description:
      '一肩挑: of the complexes with both a branch and an active committee (total), those whose branch secretary chairs the committee (count)',
  })
  yijiantiao: PropertyShareDto;

  @ApiProperty({
    type: PropertyShareDto,
    description: 'Current committee members (total) who are party members (count)',
  })
  committeePartyMembers: PropertyShareDto;

  @ApiProperty({
    type: PropertyShareDto,
    description: 'People holding positions in two or more bodies of their complex (交叉任职), of all holders',
  })
  crossAppointed: PropertyShareDto;

  @ApiProperty({ type: [PropertyBodyHoldersDto] })
  bodies: PropertyBodyHoldersDto[];

  @ApiProperty({
    type: [PropertyLackingComplexDto],
    description: 'Every complex lacking a branch, a committee or a company, by name',
  })
  lacking: PropertyLackingComplexDto[];
}

export class PropertyPositionDto {
  @ApiProperty()
  body: string;

  @ApiProperty()
  bodyDisplay: string;

  @ApiProperty()
  role: string;

  @ApiProperty({ description: '书记, 主任, 副主任, 委员, 成员, 楼栋长, 业主代表, 项目经理, 管理人员' })
  roleDisplay: string;
}

export class PropertyPositionHolderDto {
  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  partyMember: boolean;

  @ApiProperty({ description: 'How many bodies of the complex they sit on' })
  bodies: number;

  @ApiProperty({ type: [PropertyPositionDto] })
  positions: PropertyPositionDto[];
}

export class PropertyCrossAppointmentDto {
  @ApiProperty({ format: 'uuid' })
  complexId: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The complex’s party branch (own, else joint)',
  })
  branchOrganizationId: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  branchName: string | null;

  @ApiProperty({ enum: ['own', 'joint', 'none'] })
  branchCoverage: 'own' | 'joint' | 'none';

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  committeeId: string | null;

  @ApiProperty({ description: 'A property service contract in force today' })
  hasCompany: boolean;

  @ApiProperty({ description: '一肩挑: the branch secretary chairs the owners’ committee' })
  yijiantiao: boolean;

  @ApiProperty({ type: [PropertyPositionHolderDto], description: 'Most bodies first, then by name' })
  people: PropertyPositionHolderDto[];
}
