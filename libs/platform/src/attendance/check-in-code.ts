import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long one code is shown before the next replaces it; the previous code is still accepted. */
export const CHECK_IN_CODE_STEP_SECONDS = 120;

/** A new per-session secret (an activity's or a shift's), stored with it and never shown. */
export function newCheckInSecret(): string {
  return randomBytes(20).toString('hex');
}

function codeAt(secret: string, step: number): string {
  const digest = createHmac('sha256', secret).update(String(step)).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/**
 * The code shown at the venue now (six digits, TOTP-like): it rotates every step, so a code passed
 * on from the venue stops working minutes later. `validUntil` is when the next one replaces it.
 */
export function currentCheckInCode(secret: string, now: Date): { code: string; validUntil: Date } {
  const step = Math.floor(now.getTime() / 1000 / CHECK_IN_CODE_STEP_SECONDS);
  return { code: codeAt(secret, step), validUntil: new Date((step + 1) * CHECK_IN_CODE_STEP_SECONDS * 1000) };
}

/** Whether `code` is the current or the previous code (the grace for someone who read it just before it rotated). */
export function isValidCheckInCode(secret: string, code: string, now: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const step = Math.floor(now.getTime() / 1000 / CHECK_IN_CODE_STEP_SECONDS);
  return [step, step - 1].some((s) => timingSafeEqual(Buffer.from(codeAt(secret, s)), Buffer.from(code)));
}

/** Check-in and check-out are open from `margin` before the start until `margin` after the end. */
export const CHECK_IN_MARGIN_MINUTES = 30;

export function withinCheckInWindow(
  window: { startsAt: Date; endsAt: Date },
  now: Date,
  marginMinutes = CHECK_IN_MARGIN_MINUTES,
): boolean {
  const margin = marginMinutes * 60_000;
  return now.getTime() >= window.startsAt.getTime() - margin && now.getTime() <= window.endsAt.getTime() + margin;
}
