import { ApiProperty } from '@nestjs/swagger';

export class PropertyCompanyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() creditCode!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) partyOrganizationId!: string | null;
  @ApiProperty() createdAt!: string;
}

export class PropertyCompanyPageDto {
  @ApiProperty({ type: [PropertyCompanyDto] }) items!: PropertyCompanyDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class PropertyContractDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty() companyName!: string;
  @ApiProperty({ format: 'uuid' }) complexId!: string;
  @ApiProperty({ example: '2026-07-01' }) startsOn!: string;
  @ApiProperty({ nullable: true, type: String }) endsOn!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) hiringDecisionId!: string | null;
  @ApiProperty({ nullable: true, type: String }) endedReason!: string | null;
  @ApiProperty() createdAt!: string;
}

export class PropertyContractPageDto {
  @ApiProperty({ type: [PropertyContractDto] }) items!: PropertyContractDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class PropertyCompanyScoreDto {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty({ example: '2026H1' }) period!: string;
  @ApiProperty({ format: 'uuid' }) complexId!: string;
  @ApiProperty() score!: number;
  @ApiProperty({ enum: ['AAA', 'AA', 'A', 'B', 'C'] }) grade!: string;
  @ApiProperty() publishedAt!: string;
}

export class PropertyCompanyDetailDto extends PropertyCompanyDto {
  @ApiProperty({ type: [PropertyContractDto], description: 'Its contracts at complexes you may see, newest first' })
  contracts!: PropertyContractDto[];
  @ApiProperty({
    type: [PropertyCompanyScoreDto],
    description: 'Its published scores of the latest campaign per complex you may see',
  })
  latestScores!: PropertyCompanyScoreDto[];
}
