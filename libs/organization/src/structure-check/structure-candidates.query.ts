import { descendantsPattern } from '@linli/platform';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  CommunityCandidate,
  ComplexCandidate,
  GridCandidate,
  OfficerTermCandidate,
  OrganizationCandidate,
  StructureCandidates,
} from './structure-candidates';
import { StructureRules } from './structure-rules';

/** `column` lies in the subtree at $1 (`$2` = its LIKE pattern): index range scans on the text_pattern_ops path indexes. */
const inScope = (column: string) => `(${column} = $1 OR ${column} LIKE $2)`;

/**
 * The structure check's set-based queries over a subtree: each returns the candidates one group of
 * rules looks at, pre-filtered loosely by the thresholds so that little leaves the database; the
 * rules themselves are applied by `evaluateStructure`. Members are counted from `party_members`
 * (not from the organizations' cached counts). Pass one transaction's manager for one snapshot.
 */
@Injectable()
export class StructureCandidatesQuery {
  async find(
    manager: EntityManager,
    scopePath: string,
    today: string,
    rules: StructureRules,
  ): Promise<StructureCandidates> {
    const scope = [scopePath, descendantsPattern(scopePath)];
    // Sequential: one manager is one connection (inside a transaction, queries cannot overlap anyway).
    const complexes = await this.complexes(manager, scope, rules);
    const organizations = await this.organizations(manager, scope, rules);
    const officerTerms = await this.officerTerms(manager, scope, today, rules);
    const grids = await this.grids(manager, scope);
    const communities = await this.communities(manager, scope);
    return { complexes, organizations, officerTerms, grids, communities };
  }

  /** Complexes without a branch of their own where full members live (by residence, the complex's whole subtree). */
  private complexes(manager: EntityManager, scope: string[], rules: StructureRules): Promise<ComplexCandidate[]> {
    return manager.query(
      `WITH residents AS (
         SELECT c.id, count(*)::integer AS full_members
           FROM party_members m
           JOIN units c ON c.seq = ANY (string_to_array(m.residence_path, '.')::bigint[]) AND c.kind = 'complex'
          WHERE m.status = 'full' AND ${inScope('m.residence_path')} AND ${inScope('c.path')}
          GROUP BY c.id
         HAVING count(*) >= $3
       )
       SELECT c.id AS "unitId", c.path AS "unitPath", c.name AS "unitName", r.full_members AS "fullMembers",
              (SELECT count(*) FROM organization_coverage oc JOIN party_organizations o ON o.id = oc.organization_id
                WHERE oc.unit_id = c.id AND o.kind = 'joint_branch')::integer AS "jointBranches"
         FROM residents r JOIN units c ON c.id = r.id
        WHERE NOT EXISTS (SELECT 1 FROM organization_coverage oc JOIN party_organizations o ON o.id = oc.organization_id
                           WHERE oc.unit_id = c.id AND o.kind IN ('branch', 'general_branch', 'committee'))`,
      [...scope, rules.branchMinFullMembers],
    );
  }

  /** Organizations anchored in scope whose size, committee or coverage may break a rule. */
  private organizations(
    manager: EntityManager,
    scope: string[],
    rules: StructureRules,
  ): Promise<OrganizationCandidate[]> {
    const minMembers = Math.min(rules.branchMaxMembers + 1, rules.generalBranchMinMembers, rules.committeeMinMembers);
    return manager.query(
      `WITH sized AS (
         SELECT o.id, o.kind, o.name, o.unit_id, o.unit_path, mc.members, mc.full_members,
                (SELECT count(*) FROM organization_coverage oc WHERE oc.organization_id = o.id)::integer AS covered_units
           FROM party_organizations o
           CROSS JOIN LATERAL (
             SELECT count(*)::integer AS members, (count(*) FILTER (WHERE pm.status = 'full'))::integer AS full_members
               FROM party_members pm WHERE pm.organization_id = o.id) mc
          WHERE ${inScope('o.unit_path')} AND o.kind <> 'party_group'
       )
       SELECT s.id AS "organizationId", s.name, s.kind, s.unit_id AS "unitId", s.unit_path AS "unitPath", u.name AS "unitName",
              s.members, s.full_members AS "fullMembers", s.covered_units AS "coveredUnits",
              (SELECT count(*) FROM organization_officers f
                WHERE f.organization_id = s.id AND f.role = 'committee_member' AND f.ended_at IS NULL)::integer AS "committeeMembers"
         FROM sized s JOIN units u ON u.id = s.unit_id
        WHERE s.members >= $3 OR s.full_members >= $4 OR (s.kind = 'joint_branch' AND s.covered_units > $5)`,
      [...scope, minMembers, rules.committeeMinFullMembers, rules.jointBranchMaxUnits],
    );
  }

  /** Organizations in scope with active officers whose term has ended or ends within the window. */
  private async officerTerms(
    manager: EntityManager,
    scope: string[],
    today: string,
    rules: StructureRules,
  ): Promise<OfficerTermCandidate[]> {
    const rows: (OfficerTermCandidate & { daysOverdue: number | null; daysLeft: number | null })[] =
      await manager.query(
        `SELECT o.id AS "organizationId", o.name, o.unit_id AS "unitId", o.unit_path AS "unitPath", u.name AS "unitName",
              (count(*) FILTER (WHERE f.term_end < $3::date))::integer AS ended,
              to_char(min(f.term_end) FILTER (WHERE f.term_end < $3::date), 'YYYY-MM-DD') AS "endedOn",
              ($3::date - min(f.term_end) FILTER (WHERE f.term_end < $3::date)) AS "daysOverdue",
              (count(*) FILTER (WHERE f.term_end >= $3::date))::integer AS ending,
              to_char(min(f.term_end) FILTER (WHERE f.term_end >= $3::date), 'YYYY-MM-DD') AS "endingOn",
              (min(f.term_end) FILTER (WHERE f.term_end >= $3::date) - $3::date) AS "daysLeft"
         FROM organization_officers f
         JOIN party_organizations o ON o.id = f.organization_id
         JOIN units u ON u.id = o.unit_id
        WHERE f.ended_at IS NULL AND f.term_end IS NOT NULL AND f.term_end <= $3::date + $4::integer AND ${inScope('o.unit_path')}
        GROUP BY o.id, u.name`,
        [...scope, today, rules.termEndingWithinDays],
      );
    return rows;
  }

  /** Grids in scope without an active grid worker at the grid. */
  private grids(manager: EntityManager, scope: string[]): Promise<GridCandidate[]> {
    return manager.query(
      `SELECT g.id AS "unitId", g.path AS "unitPath", g.name AS "unitName", c.name AS "communityName"
         FROM units g JOIN units c ON c.id = g.parent_id
        WHERE g.kind = 'grid' AND ${inScope('g.path')}
          AND NOT EXISTS (SELECT 1 FROM staff_roles s
                           WHERE s.role = 'grid_worker' AND s.ended_at IS NULL AND s.unit_path = g.path AND s.unit_id = g.id)`,
      scope,
    );
  }

  /** Communities in scope with declared residents, and their active community workers. */
  private communities(manager: EntityManager, scope: string[]): Promise<CommunityCandidate[]> {
    return manager.query(
      `SELECT c.id AS "unitId", c.path AS "unitPath", c.name AS "unitName", c.residents,
              (SELECT count(*) FROM staff_roles s
                WHERE s.role = 'community_worker' AND s.ended_at IS NULL AND s.unit_path = c.path AND s.unit_id = c.id)::integer AS workers
         FROM units c
        WHERE c.kind = 'community' AND c.residents > 0 AND ${inScope('c.path')}`,
      scope,
    );
  }
}
