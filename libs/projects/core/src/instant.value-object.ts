import { invalid } from '@mkt/shared/kernel';

// An explicit offset is required: a bare local time would mean different instants on different machines.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * An ISO 8601 instant with an offset (`2024-03-01T09:00:00+08:00`), returned in UTC `toISOString()` form so that
 * stored instants compare as strings. JavaScript rolls `02-30` over to March; this refuses it instead.
 */
export function parseInstant(value: unknown, field: string): string {
  const match = typeof value === 'string' ? INSTANT.exec(value.trim()) : null;
  const ok = match && isRealDay(+match[1], +match[2], +match[3]) && +match[4] <= 23 && +match[5] <= 59 && (match[6] === undefined || +match[6] <= 59);
  if (!ok) throw invalid('PROJECTS.INVALID_INSTANT', 'expected an ISO 8601 time with an offset, e.g. 2024-03-01T09:00:00+08:00', field);
  return new Date((value as string).trim()).toISOString();
}

/** The caller's clock reading; the domain never reads a clock itself. */
export function instantOf(now: Date): string {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw invalid('PROJECTS.INVALID_TIME', 'the current time is not a valid Date', 'now');
  return now.toISOString();
}

export function plusHours(instant: string, hours: number): string {
  return new Date(Date.parse(instant) + hours * HOUR_MS).toISOString();
}

export function isBefore(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}

export function hoursBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / HOUR_MS;
}

/** A calendar date `YYYY-MM-DD` (contract start, completion), checked to exist. */
export function parseCalendarDate(value: unknown, field: string): string {
  const match = typeof value === 'string' ? DATE.exec(value.trim()) : null;
  if (!match || !isRealDay(+match[1], +match[2], +match[3])) throw invalid('PROJECTS.INVALID_DATE', 'expected a calendar date YYYY-MM-DD', field);
  return match[0];
}

/** The civil date of an instant at a fixed UTC offset (China Standard Time is +480 minutes and has no DST). */
export function calendarDateAt(instant: string, utcOffsetMinutes: number): string {
  return new Date(Date.parse(instant) + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
