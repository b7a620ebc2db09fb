/**
 * Working days from `start` to `end` (calendar dates, YYYY-MM-DD), both counted: Monday to Friday. Public holidays
 * and the weekend days the State Council makes working days are not modelled, so a service spanning a holiday
 * counts a day or two more than it took — the statistic errs towards the slower side. Null for an end before the start.
 */
export function workingDaysBetween(start: string, end: string): number | null {
  const from = Date.parse(`${start}T00:00:00Z`);
  const to = Date.parse(`${end}T00:00:00Z`);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return null;
  const days = Math.round((to - from) / 86_400_000) + 1;
  const startWeekday = new Date(from).getUTCDay(); // 0 = Sunday
  let count = Math.floor(days / 7) * 5;
  for (let i = 0; i < days % 7; i++) {
    const weekday = (startWeekday + i) % 7;
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

// The marketplace's months are Beijing's (UTC+8, no daylight saving): an event at 23:30 UTC on 31 January is in February.
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar month (YYYY-MM) of an instant, or null when it is not one. */
export function beijingMonthOf(instant: string): string | null {
  const ms = Date.parse(instant);
  return Number.isFinite(ms) ? new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 7) : null;
}
