import { Injectable } from '@nestjs/common';
import { DomainEvent, queryRows } from '@linli/platform';
import { OrganizationDirectory } from '@linli/organization';
import { EntityManager } from 'typeorm';
import { AccountKind } from '../ledger/points-owner';
import { RuleCaps, RuleFilters, RulePer } from './point-rule-spec';
import { CandidateRule } from './rule-matching';

interface CandidateRow {
  event_id: string;
  rule_id: string;
  code: string;
  version: number;
  name: string;
  event_type: string;
  filters: RuleFilters;
  actor_roles: string[];
  account_kind: AccountKind;
  points: number;
  per: RulePer;
  caps: RuleCaps;
  validity_months: number | null;
  unit_id: string | null;
  active_from: Date | null;
  active_to: Date | null;
  credit_organization: boolean;
  pending_until: string | null;
  pending_rejected_by: string | null;
  pending_key: string | null;
}

/**
 * The current rule versions naming each event's type, active when it occurred, whose filters its
 * data contains, and whose scope unit is deployment-wide or one of `scope_units` (the event unit and
 * its ancestors): $1 the events as JSON.
 */
const CANDIDATES_SQL = `
  SELECT e.id AS event_id, v.rule_id, r.code, v.version, v.name, v.event_type, v.filters, v.actor_roles, v.account_kind, v.points, v.per, v.caps,
         v.validity_months, v.unit_id, v.active_from, v.active_to, v.credit_organization, v.pending_until, v.pending_rejected_by, v.pending_key
    FROM jsonb_to_recordset($1::jsonb) AS e(n int, id uuid, type varchar, occurred_at timestamptz, data jsonb, scope_units uuid[])
    JOIN point_rule_versions v ON v.event_type = e.type
    JOIN point_rules r ON r.id = v.rule_id AND r.current_version = v.version
   WHERE (v.active_from IS NULL OR v.active_from <= e.occurred_at)
     AND (v.active_to IS NULL OR v.active_to > e.occurred_at)
     AND e.data @> v.filters
     AND (v.unit_id IS NULL OR v.unit_id = ANY(e.scope_units))
   ORDER BY e.n, r.code`;

/**
 * The rules that react to an event: current versions naming its type, active at the time it
 * occurred, whose filters its data contains, and whose scope unit covers the event's unit (scoped
 * rules never match an event without a unit). The event unit and its ancestors come from
 * organization's directory at match time, so a moved subtree keeps its rules.
 */
@Injectable()
export class ActiveRulesReader {
  constructor(private readonly directory: OrganizationDirectory) {}

  async forEvent(manager: EntityManager, event: DomainEvent): Promise<CandidateRule[]> {
    return (await this.forEvents(manager, [event])).get(event.id) ?? [];
  }

  /** The rules of each event (by event id; events no rule matches are absent), in one query for the lot. */
  async forEvents(manager: EntityManager, events: DomainEvent[]): Promise<Map<string, CandidateRule[]>> {
    const byEvent = new Map<string, CandidateRule[]>();
    if (events.length === 0) return byEvent;
    const scopes = await this.scopeUnits(manager, events);
    const pathOf = new Map([...scopes.values()].flat().map((unit) => [unit.id, unit.path]));
    const rows = await queryRows<CandidateRow>(manager, CANDIDATES_SQL, [
      JSON.stringify(
        events.map((event, n) => ({
          n,
          id: event.id,
          type: event.type,
          occurred_at: event.occurredAt,
          data: event.data ?? {},
          scope_units: (event.unitId ? (scopes.get(event.unitId) ?? []) : []).map((unit) => unit.id),
        })),
      ),
    ]);
    for (const row of rows) {
      const list = byEvent.get(row.event_id) ?? [];
      list.push(toCandidate(row, row.unit_id === null ? null : (pathOf.get(row.unit_id) as string)));
      byEvent.set(row.event_id, list);
    }
    return byEvent;
  }

  /** Event unit id → the units from the root down to it (the scopes whose rules apply there); unknown units are absent. */
  private async scopeUnits(
    manager: EntityManager,
    events: DomainEvent[],
  ): Promise<Map<string, { id: string; path: string }[]>> {
    const unitIds = events.flatMap((event) => (event.unitId ? [event.unitId] : []));
    if (unitIds.length === 0) return new Map();
    const units = await this.directory.units.byIds(unitIds, manager);
    const ancestors = await this.directory.units.ancestors(
      [...units.values()].map((unit) => unit.path),
      manager,
    );
    return new Map([...units.values()].map((unit) => [unit.id, ancestors.get(unit.path) ?? []]));
  }
}

function toCandidate(row: CandidateRow, unitPath: string | null): CandidateRule {
  return {
    ruleId: row.rule_id,
    code: row.code,
    version: row.version,
    name: row.name,
    eventType: row.event_type,
    filters: row.filters,
    actorRoles: row.actor_roles,
    accountKind: row.account_kind,
    points: row.points,
    per: row.per,
    caps: row.caps,
    validityMonths: row.validity_months,
    unitId: row.unit_id,
    unitPath,
    activeFrom: row.active_from,
    activeTo: row.active_to,
    creditOrganization: row.credit_organization,
    pendingUntil: row.pending_until,
    pendingRejectedBy: row.pending_rejected_by,
    pendingKey: row.pending_key,
  };
}
