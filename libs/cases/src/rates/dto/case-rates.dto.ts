import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '@linli/platform';

export class CaseRatesQueryDto {
  @ApiPropertyOptional({
    example: '2026-11',
    description: 'A period key (YYYY-MM, YYYYQn, YYYY…); this month by default',
  })
  @IsOptional()
  @Matches(/^\d{4}(-\d{2}|Q[1-4]|-W\d{2}|-\d{2}-\d{2})?$/, { message: 'period must be a period key, e.g. 2026-11' })
  period?: string;
}

export class CaseRateWeightsDto {
  @ApiProperty()
  response: number;

  @ApiProperty()
  resolution: number;

  @ApiProperty()
  satisfaction: number;

  @ApiProperty()
  onTime: number;

  @ApiProperty()
  rework: number;
}

export class CaseRatesDto {
  @ApiProperty()
  unitId: string;

  @ApiProperty()
  unitName: string;

  @ApiProperty({ example: '2026-11' })
  period: string;

  @ApiProperty({ description: 'Cases reported in the period (rejected included)' })
  received: number;

  @ApiProperty({ description: 'Taken up or rejected within the response limit' })
  responded: number;

  @ApiProperty()
  rejected: number;

  @ApiProperty({ description: 'Closed (结案) and not reopened' })
  resolved: number;

  @ApiProperty()
  visited: number;

  @ApiProperty({ description: '满意 + 基本满意 at the latest visit' })
  satisfied: number;

  @ApiProperty({ description: 'Returned at least once (返工)' })
  reworked: number;

  @ApiProperty({ description: 'Resolution deadlines that fell in the period and have passed' })
  due: number;

  @ApiProperty({ description: 'Of the due, suspended now (deferred)' })
  suspended: number;

  @ApiProperty()
  closedOnTime: number;

  @ApiProperty({ description: 'Found by grid workers (网格巡查)' })
  gridFound: number;

  @ApiProperty({ type: Number, nullable: true, description: 'responded ÷ received' })
  responseRate: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'resolved ÷ (received − rejected)' })
  resolutionRate: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'satisfied ÷ visited' })
  satisfactionRate: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'closedOnTime ÷ (due − suspended); overdue open cases count late',
  })
  onTimeCloseRate: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'reworked ÷ (received − rejected)' })
  reworkRate: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'gridFound ÷ received' })
  gridFoundShare: number | null;

  @ApiProperty({ type: Number, nullable: true, description: '100 × the weighted mean of the rates with a value' })
  score: number | null;

  @ApiProperty({ type: CaseRateWeightsDto })
  weights: CaseRateWeightsDto;

  @ApiProperty({ example: '示范街道（2026-11）共受理诉求 36,012 件，办结 34,478 件，解决率 95.74%，网格员发现 60.02%' })
  summary: string;
}

export class CaseRankingsQueryDto extends PageQueryDto {
  @ApiProperty({ example: '2026-11' })
  @Matches(/^\d{4}-\d{2}$/, { message: 'period must be a month, e.g. 2026-11' })
  period: string;

  @ApiPropertyOptional({ enum: ['street', 'community'], default: 'community' })
  @IsOptional()
  @IsIn(['street', 'community'])
  kind?: 'street' | 'community';

  @ApiPropertyOptional({ description: 'Only the units at or below this one' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class CaseRankingDto {
  @ApiProperty()
  unitId: string;

  @ApiProperty()
  unitName: string;

  @ApiProperty({ enum: ['street', 'community'] })
  kind: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Rank among the units of its kind in the deployment; null without a score',
  })
  rank: number | null;

  @ApiProperty({ description: 'How many units of its kind were ranked' })
  ranked: number;

  @ApiProperty({ type: Number, nullable: true })
  score: number | null;

  @ApiProperty({ type: CaseRatesDto })
  figures: CaseRatesDto;
}

export class CaseRankingListDto {
  @ApiProperty({ example: '2026-11' })
  period: string;

  @ApiProperty({ type: [CaseRankingDto], description: 'By rank, unranked last' })
  items: CaseRankingDto[];
}
