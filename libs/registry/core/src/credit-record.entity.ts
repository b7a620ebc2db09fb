import { boundedScore, CREDIT_FORMULA, type CreditCause, type CreditPoints } from './credit-formula';

/** Where a change came from: the project it concerns (if any) and the event or finding that caused it. */
export interface CreditSource {
  readonly projectId: string | null;
  /** The consumed event's id, or the id of the supervisor's misconduct finding. */
  readonly sourceId: string;
}

/** One change to an agency's credit score. `points` is what the rule says; `delta` is what the bounds let through. */
export interface CreditEntry extends CreditSource {
  readonly agencyId: string;
  readonly sequence: number;
  readonly cause: CreditCause;
  readonly points: number;
  readonly delta: number;
  readonly scoreAfter: number;
  readonly detail: string;
  readonly formulaVersion: string;
  readonly recordedAt: string;
}

export interface CreditRecordState {
  readonly agencyId: string;
  readonly score: number;
  /** Number of entries so far; the next entry is sequence + 1. */
  readonly sequence: number;
}

/**
 * An agency's credit record. The score is a fold of its entries from the start value, in sequence order, with
 * the bounds applied at each step; the record keeps the result only as a cache that `replayCreditScore` can check.
 */
export class CreditRecord {
  private constructor(private state: CreditRecordState) {}

  /** A firm with no entries yet has the start score. */
  static open(agencyId: string): CreditRecord {
    return new CreditRecord({ agencyId, score: CREDIT_FORMULA.start, sequence: 0 });
  }

  static restore(state: CreditRecordState): CreditRecord {
    return new CreditRecord(state);
  }

  get snapshot(): CreditRecordState {
    return this.state;
  }

  /** Applies each item in order; every item becomes one numbered entry, even when the bounds absorb all of it. */
  apply(items: readonly CreditPoints[], source: CreditSource, now: Date): CreditEntry[] {
    return items.map((item) => {
      const scoreAfter = boundedScore(this.state.score, item.points);
      const entry: CreditEntry = {
        agencyId: this.state.agencyId,
        sequence: this.state.sequence + 1,
        cause: item.cause,
        points: item.points,
        delta: scoreAfter - this.state.score,
        scoreAfter,
        detail: item.detail,
        projectId: source.projectId,
        sourceId: source.sourceId,
        formulaVersion: CREDIT_FORMULA.version,
        recordedAt: now.toISOString(),
      };
      this.state = { ...this.state, score: scoreAfter, sequence: entry.sequence };
      return entry;
    });
  }
}

/** Recomputes a score from its entries' points alone: anyone holding the record can check the published score. */
export function replayCreditScore(entries: readonly Pick<CreditEntry, 'sequence' | 'points'>[]): number {
  return [...entries].sort((a, b) => a.sequence - b.sequence).reduce<number>((score, e) => boundedScore(score, e.points), CREDIT_FORMULA.start);
}

/** The first entry whose recorded delta or resulting score the formula does not reproduce, or null when all agree. */
export function firstInconsistentEntry<E extends Pick<CreditEntry, 'sequence' | 'points' | 'delta' | 'scoreAfter'>>(entries: readonly E[]): E | null {
  let score: number = CREDIT_FORMULA.start;
  for (const [i, e] of [...entries].sort((a, b) => a.sequence - b.sequence).entries()) {
    const after = boundedScore(score, e.points);
    if (e.sequence !== i + 1 || e.scoreAfter !== after || e.delta !== after - score) return e;
    score = after;
  }
  return null;
}
