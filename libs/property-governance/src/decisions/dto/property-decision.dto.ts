import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DECISION_MATTERS, DecisionMatter } from '../decision-rules';

export class PropertyDecisionHeadDto {
  @ApiProperty({ description: 'The head’s key on the frozen roll (name it as headKey when voting)' })
  key: string;

  @ApiProperty({ description: 'Its exclusive area in m²' })
  areaM2: number;

  @ApiProperty({ description: 'Whether this head has voted' })
  voted: boolean;
}

export class PropertyDecisionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  complexId: string;

  @ApiProperty()
  title: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ enum: DECISION_MATTERS })
  matter: DecisionMatter;

  @ApiProperty({ description: '民法典 第二百七十八条 wording of the matter' })
  matterDisplay: string;

  @ApiProperty({ format: 'date-time' })
  opensAt: string;

  @ApiProperty({ format: 'date-time' })
  closesAt: string;

  @ApiProperty({ enum: ['open', 'closed'] })
  status: 'open' | 'closed';

  @ApiProperty({ description: 'The frozen roll’s total exclusive area in m²' })
  electorateAreaM2: number;

  @ApiProperty()
  electorateHeads: number;

  @ApiPropertyOptional({ nullable: true, enum: ['passed', 'rejected', 'not_valid'] })
  outcome: 'passed' | 'rejected' | 'not_valid' | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  closedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiPropertyOptional({
    nullable: true,
    type: PropertyDecisionHeadDto,
    description: 'For an owner: their (first) head on the roll; null when they have none',
  })
  myHead: PropertyDecisionHeadDto | null;

  @ApiProperty({ type: [PropertyDecisionHeadDto], description: 'For an owner: every head they are an owner in' })
  myHeads: PropertyDecisionHeadDto[];
}

export class PropertyDecisionPageDto {
  @ApiProperty({ type: [PropertyDecisionDto] })
  items: PropertyDecisionDto[];

  @ApiPropertyOptional({ nullable: true, type: String })
  nextCursor: string | null;
}
