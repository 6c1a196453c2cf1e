import { ApiProperty } from '@nestjs/swagger';
import { OWNER_TYPES, OwnerType } from '../../ledger/points-owner';
import { ASSESSMENT_TIERS, AssessmentTier } from '../assessment-tiers';

export class AssessmentResultDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026Q4' })
  period: string;

  @ApiProperty({ enum: OWNER_TYPES })
  ownerType: OwnerType;

  @ApiProperty({ format: 'uuid' })
  ownerId: string;

  @ApiProperty({ type: String, nullable: true })
  ownerName: string | null;

  @ApiProperty({ description: 'Assessment points credited within the quarter' })
  assessmentPoints: number;

  @ApiProperty({ description: 'Two-way evaluation component (0 until evaluations exist)' })
  evaluationPoints: number;

  @ApiProperty()
  score: number;

  @ApiProperty({ enum: ASSESSMENT_TIERS })
  tier: AssessmentTier;

  @ApiProperty({ example: '优秀' })
  tierName: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  communityId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  streetId: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Rank among owners of the same type in the community (ties share a rank)',
  })
  communityRank: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Rank among owners of the same type in the street' })
  streetRank: number | null;

  @ApiProperty({ description: 'Organization below standard: 抓党建工作不力' })
  ineffective: boolean;

  @ApiProperty({ description: 'Ineffective two quarters in a row: 转任非领导职务建议' })
  leadershipReview: boolean;

  @ApiProperty({ enum: ['draft', 'published'] })
  status: 'draft' | 'published';
}
