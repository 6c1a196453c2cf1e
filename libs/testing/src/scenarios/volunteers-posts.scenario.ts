import { withTestDb } from '../test-database';

/**
 * Registers a party member at a community (双报到, kind `member`) straight in the database:
 * `await createMemberDualRegistration({ memberId, communityUnitId: units.get('社区A')!.id })`.
 */
export function createMemberDualRegistration(spec: { memberId: string; communityUnitId: string; periodStart?: string; endedAt?: string }): Promise<{ id: string }> {
  return withTestDb(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO dual_registrations (kind, community_unit_id, community_path, member_id, period_start, ended_at)
       SELECT 'member', u.id, u.path, $2, $3, $4 FROM units u WHERE u.id = $1 RETURNING id`,
      [spec.communityUnitId, spec.memberId, spec.periodStart ?? '2026-01-01', spec.endedAt ?? null],
    );
    if (!rows[0]) throw new Error(`scenario: unknown unit ${spec.communityUnitId}`);
    return { id: rows[0].id };
  });
}
