import { Injectable } from '@nestjs/common';
import { NewDomainEvent, Outbox } from '@linli/platform';
import { MemberCategory, MemberStatus } from '../../members/member-category';
import { OrganizationEvent } from '../../organization-events';
import { ImportContext, ImportOutcome } from '../import-context';
import { MembersImportPlan } from './members-import.plan';

interface MemberJoinedData {
  memberId: string;
  personId: string;
  organizationId: string;
  category: MemberCategory;
  status: MemberStatus;
}

/**
 * Applies a validated members file: one upsert keyed by person (category, status and joining date
 * change only where they differ), the organizations' member counts recomputed from `party_members`,
 * and one `organization.member.joined` event per new member, all in the caller's transaction.
 */
@Injectable()
export class MembersImportWriter {
  constructor(private readonly outbox: Outbox) {}

  async apply(plan: MembersImportPlan, context: ImportContext): Promise<ImportOutcome> {
    const { manager, now } = context;
    if (plan.rows.length === 0) return { created: 0, updated: 0, paths: [] };
    const organizationIds = [...new Set(plan.rows.map((member) => member.organizationId))].sort();
    // Counts are recomputed below: hold the organizations so that concurrent member changes queue behind us.
    await manager.query('SELECT id FROM party_organizations WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [
      organizationIds,
    ]);

    const records = plan.rows.map((member) => ({
      person_id: member.personId,
      organization_id: member.organizationId,
      category: member.category,
      status: member.status,
      joined_at: member.joinedAt,
      residence_path: member.residencePath,
    }));
    const rows: {
      id: string;
      person_id: string;
      organization_id: string;
      category: MemberCategory;
      status: MemberStatus;
      inserted: boolean;
    }[] = await manager.query(
      `INSERT INTO party_members AS m (person_id, organization_id, category, status, joined_at, residence_path, created_at, updated_at)
         SELECT r.person_id, r.organization_id, r.category, r.status, r.joined_at, r.residence_path, $2, $2
           FROM jsonb_to_recordset($1::jsonb) AS r(person_id uuid, organization_id uuid, category text, status text, joined_at date, residence_path text)
         ON CONFLICT (person_id) DO UPDATE
            SET category = EXCLUDED.category,
                status = EXCLUDED.status,
                joined_at = EXCLUDED.joined_at,
                residence_path = EXCLUDED.residence_path,
                updated_at = EXCLUDED.updated_at
          WHERE (m.category, m.status, m.joined_at) IS DISTINCT FROM (EXCLUDED.category, EXCLUDED.status, EXCLUDED.joined_at)
         RETURNING m.id, m.person_id, m.organization_id, m.category, m.status, (m.xmax = 0) AS inserted`,
      [JSON.stringify(records), now],
    );
    // The residence copy follows the person even when nothing else about the member changed.
    await manager.query(
      `UPDATE party_members m SET residence_path = r.residence_path
         FROM jsonb_to_recordset($1::jsonb) AS r(person_id uuid, residence_path text)
        WHERE m.person_id = r.person_id AND m.residence_path <> r.residence_path`,
      [JSON.stringify(records.map(({ person_id, residence_path }) => ({ person_id, residence_path })))],
    );
    await manager.query(
      `UPDATE party_organizations o
          SET member_count = c.total, full_member_count = c.full_total
         FROM (SELECT o2.id,
                      count(m.id)::int AS total,
                      (count(m.id) FILTER (WHERE m.status = 'full'))::int AS full_total
                 FROM party_organizations o2
                 LEFT JOIN party_members m ON m.organization_id = o2.id
                WHERE o2.id = ANY($1::uuid[])
                GROUP BY o2.id) c
        WHERE o.id = c.id AND (o.member_count, o.full_member_count) IS DISTINCT FROM (c.total, c.full_total)`,
      [organizationIds],
    );

    const joined = rows.filter((row) => row.inserted);
    if (joined.length > 0) {
      const unitOf = new Map(plan.rows.map((member) => [member.organizationId, member.organizationUnitId]));
      const events: NewDomainEvent<MemberJoinedData>[] = joined.map((member) => ({
        type: OrganizationEvent.MemberJoined,
        unitId: unitOf.get(member.organization_id) ?? null,
        actors: [{ personId: member.person_id, role: 'member' }],
        data: {
          memberId: member.id,
          personId: member.person_id,
          organizationId: member.organization_id,
          category: member.category,
          status: member.status,
        },
      }));
      await this.outbox.publish(manager, events);
    }
    const created = joined.length;
    return { created, updated: rows.length - created, paths: plan.rows.map((member) => member.organizationUnitPath) };
  }
}
