import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily caps (in points) this migration gives the default rules a person could repeat at will,
 * frozen as released: `default-point-rules.ts` holds the same caps for new seeds, and
 * `default-point-rules.spec.ts` pins the two to each other.
 */
export const REPEATABLE_RULE_CAPS: Readonly<Record<string, { day: number; month?: number }>> = {
  'service-hour-assessment': { day: 8 },
  'micro-wish-fulfilled': { day: 60 },
  'micro-wish-fulfilled-assessment': { day: 6 },
  'activity-attended-assessment': { day: 4 },
  'post-shift-completed-assessment': { day: 4 },
  'meeting-attended-assessment': { day: 3 },
  'hazard-reported-assessment': { day: 3, month: 20 },
  'member-joined': { day: 10 },
};

/**
 * Daily caps for repeatable default rules. The seeded assessment twins (双积分) had no caps at all,
 * and neither had fulfilled micro-wishes nor joining an organization, so one person (or a claimant
 * and a requester together) could earn without limit in a day. For every rule of the default set
 * that exists and whose current version has no daily cap, this writes its next version with the cap
 * added (caps the version already has are kept) and makes it current: entries keep the version they
 * were computed with. A rule the city has given a daily cap itself is left as it is.
 */
export class CapRepeatableDefaultRules1795360200000 implements MigrationInterface {
  name = 'CapRepeatableDefaultRules1795360200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `WITH added (code, caps) AS (SELECT key, value FROM jsonb_each($1::jsonb)),
       due AS (
         SELECT v.*, a.caps AS added_caps
           FROM point_rules r
           JOIN point_rule_versions v ON v.rule_id = r.id AND v.version = r.current_version
           JOIN added a ON a.code = r.code
          WHERE NOT (v.caps ? 'day')
       ),
       inserted AS (
         INSERT INTO point_rule_versions (rule_id, version, name, event_type, filters, actor_roles, account_kind, points, per, caps,
                                          validity_months, unit_id, active_from, active_to, credit_organization, pending_until,
                                          pending_rejected_by, pending_key, created_by)
         SELECT rule_id, version + 1, name, event_type, filters, actor_roles, account_kind, points, per, added_caps || caps,
                validity_months, unit_id, active_from, active_to, credit_organization, pending_until,
                pending_rejected_by, pending_key, NULL
           FROM due
         RETURNING rule_id, version
       )
       UPDATE point_rules r SET current_version = i.version, updated_at = now() FROM inserted i WHERE r.id = i.rule_id`,
      [JSON.stringify(REPEATABLE_RULE_CAPS)],
    );
  }

  async down(): Promise<void> {
    // Nothing to undo: rule versions are history (entries name the version they were computed with),
    // and the versions before the caps stay as they were. A city lifts a cap with PATCH /points/rules/:id.
  }
}
