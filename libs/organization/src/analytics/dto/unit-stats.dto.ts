import { ApiProperty } from '@nestjs/swagger';
import { AnalyticsUnitDto } from './analytics-unit.dto';
import { PartyMemberStatsDto } from './party-member-stats.dto';
import { UnitKindCountDto } from './unit-kind-count.dto';

/** `GET /units/:id/stats`. */
export class UnitStatsDto {
  @ApiProperty({ type: AnalyticsUnitDto })
  unit: AnalyticsUnitDto;

  @ApiProperty({
    type: [UnitKindCountDto],
    description: 'Units per kind in the subtree, the unit itself included, from its own kind down',
  })
  units: UnitKindCountDto[];

  @ApiProperty({ example: 320000, description: '常住人口 as declared (see residentsBasis)' })
  residents: number;

  @ApiProperty({ example: 118000 })
  households: number;

  @ApiProperty({
    enum: ['communities', 'own'],
    description:
      "communities: summed over the communities of the subtree (street, district, city); own: the unit's own declared values (community and below)",
  })
  residentsBasis: 'communities' | 'own';

  @ApiProperty({ example: 30000, description: 'Registered people living in the subtree' })
  people: number;

  @ApiProperty({ type: PartyMemberStatsDto })
  partyMembers: PartyMemberStatsDto;
}
