import { withTestDb } from '../test-database';

/**
 * Registers a party member at a community (双报到, kind `member`) straight in the database:
 * `await createMemberDualRegistration({ memberId, communityUnitId: units.get('社区A')!.id })`.
 */
export function createMemberDualRegistration(spec: {
  memberId: string;
  communityUnitId: string;
  /** The member's workplace (whose party organization the member's contributions also count for). */
  institutionId?: string;
  periodStart?: string;
  periodEnd?: string;
  endedAt?: string;
}): Promise<{ id: string }> {
  return withTestDb(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO dual_registrations (kind, community_unit_id, community_path, member_id, institution_id, period_start, period_end, ended_at)
       SELECT 'member', u.id, u.path, $2, $3, $4, $5, $6 FROM units u WHERE u.id = $1 RETURNING id`,
      [
        spec.communityUnitId,
        spec.memberId,
        spec.institutionId ?? null,
        spec.periodStart ?? '2026-01-01',
        spec.periodEnd ?? null,
        spec.endedAt ?? null,
      ],
    );
    if (!rows[0]) throw new Error(`scenario: unknown unit ${spec.communityUnitId}`);
    return { id: rows[0].id };
  });
}

/** Registers a party organization at a community (双报到, kind `organization`, a co-building agreement) straight in the database. */
export function createOrganizationDualRegistration(spec: {
  organizationId: string;
  communityUnitId: string;
  institutionId?: string;
  periodStart?: string;
  periodEnd?: string;
  endedAt?: string;
}): Promise<{ id: string }> {
  return withTestDb(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO dual_registrations (kind, community_unit_id, community_path, organization_id, institution_id, period_start, period_end, ended_at)
       SELECT 'organization', u.id, u.path, $2, $3, $4, $5, $6 FROM units u WHERE u.id = $1 RETURNING id`,
      [
        spec.communityUnitId,
        spec.organizationId,
        spec.institutionId ?? null,
        spec.periodStart ?? '2026-01-01',
        spec.periodEnd ?? null,
        spec.endedAt ?? null,
      ],
    );
    if (!rows[0]) throw new Error(`scenario: unknown unit ${spec.communityUnitId}`);
    return { id: rows[0].id };
  });
}
