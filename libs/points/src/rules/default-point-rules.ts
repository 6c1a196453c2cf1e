import { PointRuleSpec } from './point-rule-spec';

/** A rule of the demo city's default set. */
export interface DefaultPointRule {
  code: string;
  spec: PointRuleSpec;
}

const base = {
  filters: {},
  actorRoles: [] as string[],
  caps: {},
  validityMonths: null,
  unitId: null,
  activeFrom: null,
  activeTo: null,
  creditOrganization: false,
  pendingUntil: null,
  pendingRejectedBy: null,
  pendingKey: null,
} satisfies Partial<PointRuleSpec>;

/**
 * Redeemable points (spent in the store, valid 24 months) and assessment points (双积分: the member's
 * organizations earn too). Each has a daily cap: a rule a person could repeat at will never pays
 * without limit in a day.
 */
function pair(
  code: string,
  spec: Pick<PointRuleSpec, 'name' | 'eventType' | 'per' | 'caps'> & Partial<PointRuleSpec>,
  redeemable: number,
  assessment: { points: number; caps: PointRuleSpec['caps'] },
): DefaultPointRule[] {
  return [
    { code, spec: { ...base, validityMonths: 24, ...spec, accountKind: 'redeemable', points: redeemable } },
    {
      code: `${code}-assessment`,
      spec: { ...base, ...spec, accountKind: 'assessment', ...assessment, creditOrganization: true },
    },
  ];
}

/**
 * The demo city's rules (seeded by `npm start` in development). Event types are those the
 * volunteers, deliberation, cases and organization modules publish; a city changes these rules,
 * not code.
 */
export const DEFAULT_POINT_RULES: readonly DefaultPointRule[] = [
  // 志愿服务: per verified hour, at most 8 hours' worth a day.
  ...pair(
    'service-hour',
    { name: '参加志愿服务', eventType: 'volunteers.service.verified', per: 'quantity', caps: { day: 80 } },
    10,
    { points: 1, caps: { day: 8 } },
  ),
  // 微心愿: pending until the resident confirms; a rejected fulfilment earns nothing; at most 3 a day (pending ones count).
  ...pair(
    'micro-wish-fulfilled',
    {
      name: '完成微心愿',
      eventType: 'volunteers.wish.fulfilled',
      per: 'occurrence',
      actorRoles: ['claimant'],
      pendingUntil: 'volunteers.wish.confirmed',
      pendingRejectedBy: 'volunteers.wish.rejected',
      pendingKey: 'wishId',
      caps: { day: 60 },
    },
    20,
    { points: 2, caps: { day: 6 } },
  ),
  ...pair(
    'activity-attended',
    { name: '参加活动', eventType: 'volunteers.activity.attended', per: 'occurrence', caps: { day: 20 } },
    5,
    { points: 1, caps: { day: 4 } },
  ),
  ...pair(
    'post-shift-completed',
    {
      name: '完成志愿服务岗位值守',
      eventType: 'volunteers.post.shift-completed',
      per: 'occurrence',
      caps: { day: 20 },
    },
    5,
    { points: 1, caps: { day: 4 } },
  ),
  ...pair(
    'meeting-attended',
    { name: '参加议事协商会议', eventType: 'deliberation.meeting.attended', per: 'occurrence', caps: { day: 10 } },
    3,
    { points: 1, caps: { day: 3 } },
  ),
  // 居民提案: the proposer, when the proposal reaches its co-signers and becomes a topic.
  ...pair(
    'proposal-adopted',
    {
      name: '居民提案转为议题',
      eventType: 'deliberation.proposal.adopted',
      per: 'occurrence',
      actorRoles: ['proposer'],
      caps: { day: 30 },
    },
    10,
    { points: 1, caps: { day: 3 } },
  ),
  ...pair(
    'hazard-reported',
    {
      name: '上报安全隐患',
      eventType: 'cases.hazard.reported',
      per: 'occurrence',
      actorRoles: ['reporter'],
      caps: { day: 15, month: 100 },
    },
    5,
    { points: 1, caps: { day: 3, month: 20 } },
  ),
  {
    code: 'member-joined',
    spec: {
      ...base,
      name: '加入党组织',
      eventType: 'organization.member.joined',
      per: 'occurrence',
      actorRoles: ['member'],
      accountKind: 'redeemable',
      points: 10,
      validityMonths: 24,
      // Leaving and joining again earns at most once a day.
      caps: { day: 10 },
    },
  },
];
