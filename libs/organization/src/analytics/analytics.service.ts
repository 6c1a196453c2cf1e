import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, decodeCursor, descendantsPattern, encodeCursor } from '@linli/platform';
import { DataSource } from 'typeorm';
import { INSTITUTION_KINDS, InstitutionKind } from '../institutions/institution-kind';
import { MEMBER_CATEGORIES } from '../members/member-category';
import { UNIT_KIND_DISPLAY, UNIT_KINDS } from '../units/unit-kind';
import { AnalyticsUnits } from './analytics-unit';
import { AnalyticsUnitDto } from './dto/analytics-unit.dto';
import { BlankSpotDto, BlankSpotPageDto } from './dto/blank-spot.dto';
import { BLANK_SPOT_KINDS, BlankSpotsQueryDto } from './dto/blank-spots-query.dto';
import { CoverageDto, InstitutionCoverageByKindDto } from './dto/coverage.dto';
import { MemberCategoryCountDto } from './dto/member-category-count.dto';
import { UnitKindCountDto } from './dto/unit-kind-count.dto';
import { UnitStatsDto } from './dto/unit-stats.dto';
import { SubtreeCountsReader } from './subtree-counts.reader';

interface BlankSpotRow {
  id: string;
  kind: 'complex' | 'building';
  name: string;
  path: string;
  joint_only: boolean;
}

interface AncestorRow {
  seq: string;
  id: string;
  kind: string;
  name: string;
}

/** Own-branch coverage of a complex: a branch, general branch or committee covers it. */
const OWN_BRANCH = `EXISTS (SELECT 1 FROM organization_coverage oc JOIN party_organizations o ON o.id = oc.organization_id
                            WHERE oc.unit_id = u.id AND o.kind IN ('branch', 'general_branch', 'committee'))`;
const JOINT_BRANCH = `EXISTS (SELECT 1 FROM organization_coverage oc JOIN party_organizations o ON o.id = oc.organization_id
                               WHERE oc.unit_id = u.id AND o.kind = 'joint_branch')`;
/** A building is covered by a party group or an active central household. */
const BUILDING_COVERED = `(EXISTS (SELECT 1 FROM organization_coverage oc JOIN party_organizations o ON o.id = oc.organization_id
                                   WHERE oc.unit_id = u.id AND o.kind = 'party_group')
                           OR EXISTS (SELECT 1 FROM staff_roles s
                                       WHERE s.role = 'central_household' AND s.ended_at IS NULL AND s.unit_path = u.path AND s.unit_id = u.id))`;

/**
 * Statistics, coverage and blank spots of any unit's subtree (docs/modules/organization/analytics.md).
 * Every route first checks that the unit is in the caller's `analytics.read` scope (404 otherwise).
 */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: AnalyticsUnits,
    private readonly counts: SubtreeCountsReader,
  ) {}

  async stats(user: AuthenticatedUser, unitId: string): Promise<UnitStatsDto> {
    const unit = await this.units.reachable(user, unitId);
    const counts = await this.counts.read(unit);
    const dto = new UnitStatsDto();
    dto.unit = AnalyticsUnitDto.from(unit);
    dto.units = UNIT_KINDS.slice(UNIT_KINDS.indexOf(unit.kind)).map((kind) =>
      UnitKindCountDto.of(kind, counts.unitsByKind[kind]),
    );
    dto.residents = counts.residents;
    dto.households = counts.households;
    dto.residentsBasis = counts.residentsBasis;
    dto.people = counts.people;
    const byCategory = MEMBER_CATEGORIES.map((category) =>
      MemberCategoryCountDto.of(category, counts.members[category]),
    );
    dto.partyMembers = {
      total: byCategory.reduce((sum, c) => sum + c.total, 0),
      full: byCategory.reduce((sum, c) => sum + c.full, 0),
      probationary: byCategory.reduce((sum, c) => sum + c.probationary, 0),
      byCategory,
    };
    return dto;
  }

  async coverage(user: AuthenticatedUser, unitId: string): Promise<CoverageDto> {
    const unit = await this.units.reachable(user, unitId);
    const [counts, institutionRows] = await Promise.all([
      this.counts.read(unit),
      this.dataSource.query(
        `SELECT kind, count(*)::integer AS total, count(party_organization_id)::integer AS covered
           FROM institutions WHERE unit_path = $1 OR unit_path LIKE $2 GROUP BY kind`,
        [unit.path, descendantsPattern(unit.path)],
      ) as Promise<{ kind: InstitutionKind; total: number; covered: number }[]>,
    ]);
    const byKind = Object.fromEntries(
      INSTITUTION_KINDS.map((kind) => [kind, { total: 0, covered: 0 }]),
    ) as unknown as InstitutionCoverageByKindDto;
    for (const row of institutionRows) byKind[row.kind] = { total: row.total, covered: row.covered };
    const { complexes, buildings } = counts;
    return {
      complexes: {
        total: complexes.total,
        ownBranch: complexes.ownBranch,
        jointBranchOnly: complexes.jointBranchOnly,
        uncovered: complexes.total - complexes.ownBranch - complexes.jointBranchOnly,
      },
      buildings: { total: buildings.total, covered: buildings.covered, uncovered: buildings.total - buildings.covered },
      institutions: {
        total: institutionRows.reduce((sum, row) => sum + row.total, 0),
        covered: institutionRows.reduce((sum, row) => sum + row.covered, 0),
        byKind,
      },
    };
  }

  /**
   * Complexes without a branch of their own (uncovered, or covered only by joint branches, flagged)
   * and buildings without a party group or central household, in tree order (paths in byte order:
   * a subtree's units come together), keyset-paginated.
   */
  async blankSpots(user: AuthenticatedUser, unitId: string, query: BlankSpotsQueryDto): Promise<BlankSpotPageDto> {
    const unit = await this.units.reachable(user, unitId);
    const limit = query.limit ?? 20;
    const kinds = query.kind ? [query.kind] : [...BLANK_SPOT_KINDS];
    const params: unknown[] = [unit.path, descendantsPattern(unit.path), kinds, limit + 1];
    let after = '';
    if (query.cursor) {
      const [path] = decodeCursor(query.cursor, 2);
      params.push(String(path));
      after = `AND u.path ~>~ $5`;
    }
    const rows: BlankSpotRow[] = await this.dataSource.query(
      `SELECT u.id, u.kind, u.name, u.path, (u.kind = 'complex' AND ${JOINT_BRANCH}) AS joint_only
         FROM units u
        WHERE (u.path = $1 OR u.path LIKE $2) AND u.kind = ANY ($3::varchar[]) ${after}
          AND CASE WHEN u.kind = 'complex' THEN NOT ${OWN_BRANCH} ELSE NOT ${BUILDING_COVERED} END
        ORDER BY u.path USING ~<~
        LIMIT $4`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const ancestors = await this.ancestorsOf(page.map((row) => row.path));
    return {
      items: page.map((row) => this.blankSpot(row, ancestors)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.path, last.id]) : null,
    };
  }

  /** The units on the given paths below district level (communities, grids, complexes), by seq. */
  private async ancestorsOf(paths: string[]): Promise<Map<string, AncestorRow>> {
    const seqs = [...new Set(paths.flatMap((path) => path.split('.').slice(3, -1)))];
    if (seqs.length === 0) return new Map();
    const rows: AncestorRow[] = await this.dataSource.query(
      `SELECT seq::text AS seq, id, kind, name FROM units WHERE seq = ANY ($1::bigint[])`,
      [seqs],
    );
    return new Map(rows.map((row) => [row.seq, row]));
  }

  private blankSpot(row: BlankSpotRow, ancestors: Map<string, AncestorRow>): BlankSpotDto {
    const line = row.path
      .split('.')
      .slice(3, -1)
      .map((seq) => ancestors.get(seq))
      .filter((unit): unit is AncestorRow => unit !== undefined);
    const of = (kind: string) => line.find((unit) => unit.kind === kind) ?? null;
    const community = of('community');
    const grid = of('grid');
    const complex = of('complex');
    const dto = new BlankSpotDto();
    dto.unitId = row.id;
    dto.kind = row.kind;
    dto.displayKind = UNIT_KIND_DISPLAY[row.kind];
    dto.name = row.name;
    dto.path = row.path;
    dto.jointBranchOnly = row.joint_only;
    dto.communityId = community?.id ?? null;
    dto.communityName = community?.name ?? null;
    dto.gridId = grid?.id ?? null;
    dto.gridName = grid?.name ?? null;
    dto.complexName = complex?.name ?? null;
    return dto;
  }
}
