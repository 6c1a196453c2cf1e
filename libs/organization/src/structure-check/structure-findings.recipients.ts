import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { StructureFinding } from './structure-evaluator';

/**
 * Who answers for each finding: the active secretary of the organization concerned, or, for a
 * finding about a unit (a complex, a grid, a community), the active secretary of its community's
 * organization (the one anchored at the community: a committee before a general branch before a branch).
 */
@Injectable()
export class StructureFindingsRecipients {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Findings by responsible person id; findings nobody answers for are under `null`. Reads through
   * `manager` when given (the run's transaction), so the recipients match the findings it stores.
   */
  async byPerson(
    findings: StructureFinding[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string | null, StructureFinding[]>> {
    const organizationIds = [
      ...new Set(findings.map((f) => f.organizationId).filter((id): id is string => id !== null)),
    ];
    const communitySeqs = [
      ...new Set(
        findings
          .filter((f) => f.organizationId === null)
          .map((f) => f.unitPath.split('.')[3])
          .filter((seq) => seq !== undefined),
      ),
    ];
    // One after the other: a transaction's manager has one connection.
    const secretaries =
      organizationIds.length === 0
        ? []
        : ((await manager.query(
            `SELECT DISTINCT ON (organization_id) organization_id, person_id FROM organization_officers
              WHERE role = 'secretary' AND ended_at IS NULL AND organization_id = ANY ($1::uuid[])
              ORDER BY organization_id, term_start DESC, id`,
            [organizationIds],
          )) as { organization_id: string; person_id: string }[]);
    const communitySecretaries =
      communitySeqs.length === 0
        ? []
        : ((await manager.query(
            `SELECT DISTINCT ON (c.seq) c.seq::text AS seq, f.person_id
               FROM units c
               JOIN party_organizations o ON o.unit_id = c.id AND o.kind IN ('committee', 'general_branch', 'branch')
               JOIN organization_officers f ON f.organization_id = o.id AND f.role = 'secretary' AND f.ended_at IS NULL
              WHERE c.seq = ANY ($1::bigint[]) AND c.kind = 'community'
              ORDER BY c.seq, array_position(ARRAY['committee', 'general_branch', 'branch']::varchar[], o.kind), o.created_at, o.id`,
            [communitySeqs],
          )) as { seq: string; person_id: string }[]);
    const ofOrganization = new Map(secretaries.map((row) => [row.organization_id, row.person_id]));
    const ofCommunity = new Map(communitySecretaries.map((row) => [row.seq, row.person_id]));
    const result = new Map<string | null, StructureFinding[]>();
    for (const finding of findings) {
      const person =
        finding.organizationId !== null
          ? ofOrganization.get(finding.organizationId)
          : ofCommunity.get(finding.unitPath.split('.')[3] ?? '');
      const key = person ?? null;
      const list = result.get(key) ?? [];
      list.push(finding);
      result.set(key, list);
    }
    return result;
  }
}
