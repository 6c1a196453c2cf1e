import { AccountKind } from '../ledger/points-owner';

export const RULE_PER = ['occurrence', 'quantity'] as const;
export type RulePer = (typeof RULE_PER)[number];

/** Caps per owner, in points, over business-calendar periods (Asia/Shanghai by default). */
export interface RuleCaps {
  day?: number;
  month?: number;
  year?: number;
}

/** Filters on event data: every key must equal the event's `data[key]` (JSON containment). */
export type RuleFilters = Record<string, string | number | boolean>;

/** The content of one version of a rule: what the city sets. */
export interface PointRuleSpec {
  /** Chinese, also the start of the reasons owners read: `参加活动` → `参加活动「社区清洁日」获得积分`. */
  name: string;
  eventType: string;
  filters: RuleFilters;
  /** Actor roles that earn (`volunteer`, `claimant`…); empty = every actor of the event. */
  actorRoles: string[];
  accountKind: AccountKind;
  points: number;
  per: RulePer;
  caps: RuleCaps;
  /** Redeemable points expire this many months after they were earned; null = never. */
  validityMonths: number | null;
  /** Scope: events in this unit's subtree; null = the whole deployment. The most specific rule wins. */
  unitId: string | null;
  activeFrom: Date | null;
  activeTo: Date | null;
  /** Also credit the actor's party organization (and a dual-registered member's workplace organization). */
  creditOrganization: boolean;
  /** Points stay pending until an event of this type with the same `data[pendingKey]` confirms them. */
  pendingUntil: string | null;
  /** An event of this type with the same `data[pendingKey]` voids the pending points. */
  pendingRejectedBy: string | null;
  pendingKey: string | null;
}
