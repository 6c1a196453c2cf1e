import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers of a signed webhook request. */
export const WebhookHeader = {
  Signature: 'x-linli-signature',
  Timestamp: 'x-linli-timestamp',
  Delivery: 'x-linli-delivery',
} as const;

/** `sha256=<hex>`: HMAC-SHA256 with the shared secret over `${timestamp}.${rawBody}`. */
export function signWebhook(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex')}`;
}

export interface VerifyWebhookOptions {
  /** Oldest accepted timestamp, in seconds before `nowSeconds` (replay protection); default 300. */
  toleranceSeconds?: number;
  nowSeconds?: number;
}

/**
 * What a receiver does: recompute the signature over the exact raw body and compare in constant
 * time, then refuse stale timestamps.
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string,
  rawBody: string,
  signature: string,
  options: VerifyWebhookOptions = {},
): boolean {
  if (!/^\d+$/.test(timestamp)) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  return Math.abs(now - Number(timestamp)) <= (options.toleranceSeconds ?? 300);
}
