import { AccountKind } from '../ledger/points-owner';
import { PointRuleSpec } from './point-rule-spec';

/** The current version of a rule, as matched against an event (its scope unit's path read now). */
export interface CandidateRule extends PointRuleSpec {
  ruleId: string;
  code: string;
  version: number;
  /** Path of the rule's scope unit; null for a deployment-wide rule. */
  unitPath: string | null;
}

const MAX_TITLE_LENGTH = 60;
const MAX_KEY_VALUE_LENGTH = 150;

/** How specific a rule's scope is: a deployment-wide rule least, a deeper unit more (covering paths are prefixes of each other). */
function specificity(rule: CandidateRule): number {
  return rule.unitPath === null ? -1 : rule.unitPath.length;
}

/**
 * The rules that pay an actor of the given role: those naming the role (or no role at all), and per
 * account kind only the most specific scope among them, so that a community's own rule replaces the
 * city's for the same event and kind while rules of other kinds still apply.
 */
export function rulesForActor<R extends CandidateRule>(rules: readonly R[], role: string): R[] {
  const eligible = rules.filter((rule) => rule.actorRoles.length === 0 || rule.actorRoles.includes(role));
  const best = new Map<AccountKind, number>();
  for (const rule of eligible)
    best.set(rule.accountKind, Math.max(best.get(rule.accountKind) ?? -Infinity, specificity(rule)));
  return eligible.filter((rule) => specificity(rule) === best.get(rule.accountKind));
}

/** Points a rule gives for an event: per occurrence, or per unit of the event's quantity rounded down. */
export function ruleAmount(rule: Pick<PointRuleSpec, 'points' | 'per'>, quantity: number | null): number {
  if (rule.per === 'occurrence') return rule.points;
  if (quantity === null || !Number.isFinite(quantity) || quantity <= 0) return 0;
  // Rounded to micro-units first, so that 0.1 × 30 counts as 3 and not 2.9999….
  return Math.floor(Math.round(rule.points * quantity * 1e6) / 1e6);
}

/** The event's `data.title`, trimmed and shortened, if it has one. */
export function eventTitle(data: Record<string, unknown>): string | null {
  const title = data.title;
  if (typeof title !== 'string' || title.trim() === '') return null;
  const trimmed = title.trim();
  return trimmed.length > MAX_TITLE_LENGTH ? `${trimmed.slice(0, MAX_TITLE_LENGTH)}…` : trimmed;
}

/** What the owner reads: the rule's name, the event's title when it has one: `参加活动「社区清洁日」获得积分`. */
export function ruleReason(rule: Pick<PointRuleSpec, 'name'>, data: Record<string, unknown>): string {
  const title = eventTitle(data);
  return `${rule.name}${title ? `「${title}」` : ''}获得积分`;
}

/** The reason an organization reads for a member's contribution: `参加活动「社区清洁日」获得积分（党员张伟）`. */
export function organizationReason(personalReason: string, memberName: string | null): string {
  return `${personalReason}（${memberName ? `党员${memberName}` : '党员参与'}）`;
}

/** A data value usable in a resolution key (a number, or a string of at most 150 characters); null otherwise. */
export function scalarKeyValue(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.length > 0 && value.length <= MAX_KEY_VALUE_LENGTH) return value;
  return null;
}

/** The key an event of `eventType` whose `data[field]` is `value` resolves: `volunteers.wish.confirmed/wishId=…`. */
export function resolutionKey(eventType: string, field: string, value: string): string {
  return `${eventType}/${field}=${value}`;
}

/**
 * For a rule whose points wait for a confirming event: the keys the confirming and the voiding
 * events will resolve, from the earning event's `data[pendingKey]`. Null for a rule without
 * confirmation; `confirmKey` null when the event lacks the key (such points wait for a manual
 * confirmation by source event).
 */
export function pendingKeys(
  rule: Pick<PointRuleSpec, 'pendingUntil' | 'pendingRejectedBy' | 'pendingKey'>,
  data: Record<string, unknown>,
): { confirmKey: string | null; rejectKey: string | null } | null {
  if (!rule.pendingUntil || !rule.pendingKey) return null;
  const value = scalarKeyValue(data[rule.pendingKey]);
  if (value === null) return { confirmKey: null, rejectKey: null };
  return {
    confirmKey: resolutionKey(rule.pendingUntil, rule.pendingKey, value),
    rejectKey: rule.pendingRejectedBy ? resolutionKey(rule.pendingRejectedBy, rule.pendingKey, value) : null,
  };
}
