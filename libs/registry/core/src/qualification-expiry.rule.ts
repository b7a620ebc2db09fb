// Qualification dates are civil dates in China Standard Time (UTC+8, no daylight saving): a certificate valid
// until 2026-06-30 counts for the whole of that day in Beijing and stops at 2026-07-01T00:00+08:00.
const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The Beijing calendar date at an instant. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a qualification valid until `validUntil` (inclusive) stops counting. */
export function qualificationExpiresAt(validUntil: string): Date {
  if (!DATE.test(validUntil) || Number.isNaN(Date.parse(validUntil))) throw new Error(`not a date: ${validUntil}`);
  return new Date(Date.parse(`${validUntil}T00:00:00.000Z`) + DAY_MS - CST_OFFSET_MS);
}

/** Whether a qualification counts for eligibility at `now`: started and not past its end date. */
export function qualificationCountsAt(q: { readonly validFrom: string; readonly validUntil: string }, now: Date): boolean {
  const today = beijingDay(now);
  return q.validFrom <= today && today <= q.validUntil;
}

/** Whether the end date has passed at `now` (a qualification not yet started has not expired). */
export function qualificationHasExpiredAt(q: { readonly validUntil: string }, now: Date): boolean {
  return now.getTime() >= qualificationExpiresAt(q.validUntil).getTime();
}
