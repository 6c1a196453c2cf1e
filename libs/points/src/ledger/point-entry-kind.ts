/**
 * `credit` earns (a rule, an award, a confirmed pending credit); `debit` spends or deducts; `expiry`
 * removes what was left of a lot at its expiry date; `reversal` undoes a credit or a debit.
 */
export const POINT_ENTRY_KINDS = ['credit', 'debit', 'expiry', 'reversal'] as const;
export type PointEntryKind = (typeof POINT_ENTRY_KINDS)[number];

export const POINT_LOT_STATUSES = ['pending', 'available', 'expired', 'cancelled'] as const;
export type PointLotStatus = (typeof POINT_LOT_STATUSES)[number];
