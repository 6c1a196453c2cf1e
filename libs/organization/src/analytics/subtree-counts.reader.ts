import { descendantsPattern } from '@linli/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MEMBER_CATEGORIES, MEMBER_STATUSES, MemberCategory, MemberStatus } from '../members/member-category';
import { UNIT_KINDS, UnitKind } from '../units/unit-kind';
import { AnalyticsUnit } from './analytics-unit';

/** Every counter of one unit's subtree (the unit itself included). */
export interface SubtreeCounts {
  unitsByKind: Record<UnitKind, number>;
  /** Declared 常住人口 and households (see `residentsBasis`). */
  residents: number;
  households: number;
  /** `communities`: sums over the communities in the subtree (a street, district or city); `own`: the unit's own declared values. */
  residentsBasis: 'communities' | 'own';
  /** Registered people living in the subtree. */
  people: number;
  /** Party members living in the subtree (by residence), by category and status. */
  members: Record<MemberCategory, Record<MemberStatus, number>>;
  complexes: { total: number; ownBranch: number; jointBranchOnly: number };
  buildings: { total: number; covered: number };
}

type CountsRow = Record<string, number | null>;

/** Unit kinds at or below community: their counts come straight from `organization_subtree_counts`. */
const COMMUNITY_AND_BELOW: readonly UnitKind[] = ['community', 'grid', 'complex', 'building'];

const memberColumn = (category: MemberCategory, status: MemberStatus) => `members_${category}_${status}`;
const MEMBER_COLUMNS = MEMBER_CATEGORIES.flatMap((category) =>
  MEMBER_STATUSES.map((status) => memberColumn(category, status)),
);
const COUNT_COLUMNS = [
  'grids',
  'complexes',
  'buildings',
  'people',
  ...MEMBER_COLUMNS,
  'complexes_own_branch',
  'complexes_joint_only',
  'buildings_covered',
];

/**
 * Reads a subtree's counters (docs/modules/organization/analytics.md). A community or anything
 * below it is counted directly (`organization_subtree_counts`: a few index range scans). A street,
 * district or city first refreshes the communities of its subtree that writers marked since the
 * last read, then sums the per-community rollups and adds what sits above community level.
 * Either way the answer reflects every committed change.
 */
@Injectable()
export class SubtreeCountsReader {
  constructor(private readonly dataSource: DataSource) {}

  async read(unit: AnalyticsUnit): Promise<SubtreeCounts> {
    return COMMUNITY_AND_BELOW.includes(unit.kind) ? this.direct(unit) : this.rolledUp(unit);
  }

  private async direct(unit: AnalyticsUnit): Promise<SubtreeCounts> {
    const [row] = (await this.dataSource.query(`SELECT * FROM organization_subtree_counts($1)`, [
      unit.path,
    ])) as CountsRow[];
    const counts = this.fromRow(row, emptyKinds());
    counts.unitsByKind.community = unit.kind === 'community' ? 1 : 0;
    counts.residents = unit.residents;
    counts.households = unit.households;
    counts.residentsBasis = 'own';
    return counts;
  }

  private async rolledUp(unit: AnalyticsUnit): Promise<SubtreeCounts> {
    await this.dataSource.query(`SELECT organization_analytics_refresh($1)`, [unit.path]);
    const like = descendantsPattern(unit.path);
    const [row] = (await this.dataSource.query(
      `WITH communities AS (
         SELECT seq, residents, households FROM units WHERE kind = 'community' AND path LIKE $2
       ), above AS (
         SELECT kind, path FROM units WHERE kind IN ('city', 'district', 'street') AND (path = $1 OR path LIKE $2)
       ), above_members AS (
         SELECT category, status, count(*)::integer AS n FROM party_members WHERE residence_path IN (SELECT path FROM above) GROUP BY category, status
       ), rolled AS (
         SELECT ${COUNT_COLUMNS.map((column) => `COALESCE(sum(r.${column}), 0)::integer AS ${column}`).join(', ')}
           FROM organization_community_rollups r JOIN communities c ON c.seq = r.community_seq
       )
       SELECT rolled.*,
              (SELECT count(*) FROM above WHERE kind = 'city')::integer AS cities,
              (SELECT count(*) FROM above WHERE kind = 'district')::integer AS districts,
              (SELECT count(*) FROM above WHERE kind = 'street')::integer AS streets,
              (SELECT count(*) FROM communities)::integer AS communities,
              (SELECT COALESCE(sum(residents), 0) FROM communities)::bigint AS residents,
              (SELECT COALESCE(sum(households), 0) FROM communities)::bigint AS households,
              (SELECT count(*) FROM people WHERE residence_path IN (SELECT path FROM above))::integer AS above_people,
              (SELECT COALESCE(json_agg(above_members), '[]'::json) FROM above_members) AS above_members
         FROM rolled`,
      [unit.path, like],
    )) as (CountsRow & { above_members: { category: MemberCategory; status: MemberStatus; n: number }[] })[];
    const kinds = emptyKinds();
    kinds.city = Number(row.cities);
    kinds.district = Number(row.districts);
    kinds.street = Number(row.streets);
    kinds.community = Number(row.communities);
    const counts = this.fromRow(row, kinds);
    counts.people += Number(row.above_people);
    for (const { category, status, n } of row.above_members) counts.members[category][status] += n;
    counts.residents = Number(row.residents);
    counts.households = Number(row.households);
    counts.residentsBasis = 'communities';
    return counts;
  }

  private fromRow(row: CountsRow, kinds: Record<UnitKind, number>): SubtreeCounts {
    const value = (column: string) => Number(row[column] ?? 0);
    kinds.grid = value('grids');
    kinds.complex = value('complexes');
    kinds.building = value('buildings');
    const members = Object.fromEntries(
      MEMBER_CATEGORIES.map((category) => [
        category,
        Object.fromEntries(MEMBER_STATUSES.map((status) => [status, value(memberColumn(category, status))])),
      ]),
    ) as Record<MemberCategory, Record<MemberStatus, number>>;
    return {
      unitsByKind: kinds,
      residents: 0,
      households: 0,
      residentsBasis: 'own',
      people: value('people'),
      members,
      complexes: {
        total: value('complexes'),
        ownBranch: value('complexes_own_branch'),
        jointBranchOnly: value('complexes_joint_only'),
      },
      buildings: { total: value('buildings'), covered: value('buildings_covered') },
    };
  }
}

function emptyKinds(): Record<UnitKind, number> {
  return Object.fromEntries(UNIT_KINDS.map((kind) => [kind, 0])) as Record<UnitKind, number>;
}
