import { invalid } from '@mkt/shared/kernel';

export type SanctionKind = 'SUSPENSION' | 'BLACKLIST';
export const SANCTION_KINDS: readonly SanctionKind[] = ['SUSPENSION', 'BLACKLIST'];

/** A supervisor's suspension or blacklisting for a period; instants are UTC `toISOString()` strings, so they compare as text. */
export interface Sanction {
  readonly id: string;
  readonly kind: SanctionKind;
  readonly reason: string;
  readonly startsAt: string;
  /** The first instant the sanction no longer applies. */
  readonly endsAt: string;
  readonly imposedAt: string;
  readonly liftedAt: string | null;
  readonly liftReason: string | null;
}

// An explicit offset is required: a bare local time would mean different instants on different machines.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with an offset (`2026-06-30T00:00:00+08:00`) in UTC form; refuses days that do not exist. */
export function parseSanctionInstant(value: unknown, field: string): string {
  const m = typeof value === 'string' ? INSTANT.exec(value.trim()) : null;
  const realDay = m !== null && +m[2] >= 1 && +m[2] <= 12 && +m[3] >= 1 && +m[3] <= new Date(Date.UTC(+m[1], +m[2], 0)).getUTCDate();
  if (!m || !realDay || +m[4] > 23 || +m[5] > 59 || (m[6] !== undefined && +m[6] > 59)) {
    throw invalid('REGISTRY.INVALID_INSTANT', 'expected an ISO 8601 time with an offset, e.g. 2026-06-30T00:00:00+08:00', field);
  }
  return new Date((value as string).trim()).toISOString();
}

export function sanctionIsInForce(sanction: Sanction, at: string): boolean {
  return sanction.liftedAt === null && sanction.startsAt <= at && at < sanction.endsAt;
}

/** A sanction that has not ended and was not lifted: in force now, or due to start. */
export function sanctionIsOutstanding(sanction: Sanction, at: string): boolean {
  return sanction.liftedAt === null && at < sanction.endsAt;
}

/** The status the sanctions in force impose: a blacklisting outweighs a suspension; none leaves the firm ACTIVE. */
export function statusUnderSanctions(sanctions: readonly Sanction[], at: string): { status: 'ACTIVE' | 'SUSPENDED' | 'BLACKLISTED'; cause: Sanction | null } {
  const inForce = sanctions.filter((s) => sanctionIsInForce(s, at));
  const blacklist = inForce.find((s) => s.kind === 'BLACKLIST');
  if (blacklist) return { status: 'BLACKLISTED', cause: blacklist };
  const suspension = inForce.find((s) => s.kind === 'SUSPENSION');
  if (suspension) return { status: 'SUSPENDED', cause: suspension };
  return { status: 'ACTIVE', cause: null };
}

export function sanctionPeriodMustBeValid(startsAt: string, endsAt: string, now: string): void {
  if (endsAt <= startsAt) throw invalid('REGISTRY.INVALID_SANCTION_PERIOD', 'a sanction must end after it starts', 'until');
  if (endsAt <= now) throw invalid('REGISTRY.INVALID_SANCTION_PERIOD', 'a sanction must end in the future', 'until');
}
