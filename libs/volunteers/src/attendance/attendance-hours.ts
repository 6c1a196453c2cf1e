/**
 * Hours between check-in and check-out, counted only inside the session's own time (arriving early
 * or leaving late earns nothing extra), rounded down to the quarter hour.
 */
export function attendedHours(
  session: { startsAt: Date; endsAt: Date },
  checkedInAt: Date,
  checkedOutAt: Date,
): number {
  const from = Math.max(session.startsAt.getTime(), checkedInAt.getTime());
  const to = Math.min(session.endsAt.getTime(), checkedOutAt.getTime());
  if (to <= from) return 0;
  const quarters = Math.floor((to - from) / (15 * 60_000));
  return quarters / 4;
}
