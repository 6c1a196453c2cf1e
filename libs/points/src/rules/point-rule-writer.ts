import { EntityManager } from 'typeorm';
import { queryRows } from '@linli/platform';
import { PointRuleSpec } from './point-rule-spec';

/**
 * Inserts version `version` of a rule. Shared by the rules API and the seed (which has no Nest
 * context); callers check scope, validity and version order.
 */
export async function insertRuleVersion(
  manager: EntityManager,
  ruleId: string,
  version: number,
  spec: PointRuleSpec,
  createdBy: string | null,
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    manager,
    `INSERT INTO point_rule_versions (rule_id, version, name, event_type, filters, actor_roles, account_kind, points, per, caps, validity_months, unit_id,
                                      active_from, active_to, credit_organization, pending_until, pending_rejected_by, pending_key, created_by)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::text[], $7, $8, $9, $10::jsonb, $11, $12, $13, $14, $15, $16, $17, $18, $19)
     RETURNING id`,
    [
      ruleId,
      version,
      spec.name,
      spec.eventType,
      JSON.stringify(spec.filters),
      spec.actorRoles,
      spec.accountKind,
      spec.points,
      spec.per,
      JSON.stringify(spec.caps),
      spec.validityMonths,
      spec.unitId,
      spec.activeFrom,
      spec.activeTo,
      spec.creditOrganization,
      spec.pendingUntil,
      spec.pendingRejectedBy,
      spec.pendingKey,
      createdBy,
    ],
  );
  return row.id;
}

/** Inserts a rule and its first version; null when the code is taken (nothing written). */
export async function insertRule(
  manager: EntityManager,
  code: string,
  spec: PointRuleSpec,
  createdBy: string | null,
): Promise<string | null> {
  const [rule] = await queryRows<{ id: string }>(
    manager,
    `INSERT INTO point_rules (code, current_version) VALUES ($1, 1) ON CONFLICT (code) DO NOTHING RETURNING id`,
    [code],
  );
  if (!rule) return null;
  await insertRuleVersion(manager, rule.id, 1, spec, createdBy);
  return rule.id;
}
