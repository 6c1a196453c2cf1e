/**
 * `pending`: created or being attempted; `sent`: delivered (never attempted again); `failed`: the
 * last attempt failed and a retry is due; `dead`: the final attempt failed, or retrying cannot help.
 */
export const DeliveryStatus = {
  Pending: 'pending',
  Sent: 'sent',
  Failed: 'failed',
  Dead: 'dead',
} as const;

export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];
