/** Who holds points: a person (resident, member, volunteer) or a party organization. */
export const OWNER_TYPES = ['person', 'organization'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];

/**
 * `redeemable`: spendable in the exchange store, may expire. `assessment`: counts for the quarterly
 * assessment, never spent.
 */
export const ACCOUNT_KINDS = ['redeemable', 'assessment'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const OWNER_TYPE_DISPLAY: Record<OwnerType, string> = { person: '个人', organization: '党组织' };
export const ACCOUNT_KIND_DISPLAY: Record<AccountKind, string> = { redeemable: '可兑换积分', assessment: '考核积分' };

export interface PointsOwner {
  type: OwnerType;
  id: string;
}

/** One account: an owner's points of one kind. */
export interface AccountRef {
  owner: PointsOwner;
  kind: AccountKind;
}

/** The order in which accounts are locked (the same everywhere, so that two transactions never wait on each other in a circle). */
export function compareAccountRefs(a: AccountRef, b: AccountRef): number {
  return (
    a.owner.type.localeCompare(b.owner.type) || a.owner.id.localeCompare(b.owner.id) || a.kind.localeCompare(b.kind)
  );
}

export function accountRefKey(ref: AccountRef): string {
  return `${ref.owner.type}:${ref.owner.id}:${ref.kind}`;
}
