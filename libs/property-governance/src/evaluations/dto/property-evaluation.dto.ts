import { ApiProperty } from '@nestjs/swagger';

export class PropertyEvaluationCampaignDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ example: '2026H1' }) period!: string;
  @ApiProperty() opensAt!: string;
  @ApiProperty() closesAt!: string;
  @ApiProperty({ enum: ['open', 'published'] }) status!: string;
  @ApiProperty() raterWeights!: Record<string, number>;
  @ApiProperty() categoryWeights!: Record<string, number>;
  @ApiProperty() rectificationBelow!: number;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
}

export class PropertyEvaluationRatingDto {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty({ format: 'uuid' }) complexId!: string;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty() raterKind!: string;
  @ApiProperty({ description: 'Σ category weight × score' }) total!: number;
}

export class PropertyComplexResultDto {
  @ApiProperty() rank!: number;
  @ApiProperty({ format: 'uuid' }) complexId!: string;
  @ApiProperty() complexName!: string;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty() companyName!: string;
  @ApiProperty() score!: number;
  @ApiProperty({ enum: ['AAA', 'AA', 'A', 'B', 'C'] }) grade!: string;
  @ApiProperty({ nullable: true, type: Number }) streetRank!: number | null;
  @ApiProperty({ nullable: true, type: Number }) districtRank!: number | null;
  @ApiProperty({ description: 'Per rater kind: { count, mean }' }) raters!: Record<
    string,
    { count: number; mean: number }
  >;
}

export class PropertyEvaluationResultsDto {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ type: [PropertyComplexResultDto] }) items!: PropertyComplexResultDto[];
}

export class PropertyCompanyRankDto {
  @ApiProperty() rank!: number;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty() companyName!: string;
  @ApiProperty({ description: 'Mean of its complexes’ scores (each complex equal)' }) score!: number;
  @ApiProperty() complexes!: number;
}

export class PropertyCompanyRankingDto {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ type: [PropertyCompanyRankDto] }) items!: PropertyCompanyRankDto[];
}
