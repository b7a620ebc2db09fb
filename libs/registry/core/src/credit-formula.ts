import { invalid } from '@mkt/shared/kernel';

/**
 * The published credit formula (docs/credit-score.md). Every number a score depends on is here, so the
 * document, the code and any recomputation agree; a change to a number is a new `version`.
 */
export const CREDIT_FORMULA = {
  version: 'credit/v1',
  start: 80,
  min: 0,
  max: 100,
  /** Points by the owner's quality mark, 1 (poor) … 5 (excellent). */
  quality: { 1: -6, 2: -3, 3: 0, 4: 2, 5: 4 } as Readonly<Record<number, number>>,
  onTimeDelivery: 1,
  /** Late delivery: a fixed penalty plus one point per day late, the days counted up to a cap. */
  lateDelivery: { base: -2, perDay: -1, maxDays: 10 },
  feeNonCompliance: -8,
  awardDeclined: -5,
  /** Letting the response deadline pass blocks the project longer than an explicit refusal. */
  awardNotAnswered: -8,
  misconduct: {
    OVERCHARGING: -10,
    UNJUSTIFIED_DELAY: -5,
    BREACH_OF_CONTRACT: -10,
    FALSE_MATERIALS: -20,
    COLLUSION_OR_BRIBERY: -30,
    OTHER: -5,
  },
} as const;

export type MisconductKind = keyof typeof CREDIT_FORMULA.misconduct;
export const MISCONDUCT_KINDS = Object.keys(CREDIT_FORMULA.misconduct) as MisconductKind[];

export type CreditCause =
  | 'QUALITY_EVALUATION'
  | 'ON_TIME_DELIVERY'
  | 'LATE_DELIVERY'
  | 'FEE_NON_COMPLIANCE'
  | 'AWARD_DECLINED'
  | 'AWARD_NOT_ANSWERED'
  | `MISCONDUCT_${MisconductKind}`;

export const CREDIT_CAUSES: readonly CreditCause[] = [
  'QUALITY_EVALUATION',
  'ON_TIME_DELIVERY',
  'LATE_DELIVERY',
  'FEE_NON_COMPLIANCE',
  'AWARD_DECLINED',
  'AWARD_NOT_ANSWERED',
  ...MISCONDUCT_KINDS.map((k) => `MISCONDUCT_${k}` as const),
];

/** What one rule says about one fact: a cause and its points, before the score's bounds apply. */
export interface CreditPoints {
  readonly cause: CreditCause;
  readonly points: number;
  /** Plain words for the record, e.g. "quality 4/5" or "3 days late". */
  readonly detail: string;
}

export interface EvaluationFacts {
  readonly quality: number;
  readonly onTime: boolean;
  readonly daysLate: number;
  readonly feeCompliant: boolean;
}

/**
 * The points one evaluation of a completed service earns, one item per rule that applies. A quality of 3 earns
 * nothing and is left out: the record holds changes, and the evaluation itself is kept in the track record.
 */
export function pointsForEvaluation(facts: EvaluationFacts): CreditPoints[] {
  if (!Number.isInteger(facts.quality) || !(facts.quality in CREDIT_FORMULA.quality)) {
    throw invalid('REGISTRY.INVALID_QUALITY', 'quality is a whole number from 1 to 5', 'quality');
  }
  if (!Number.isInteger(facts.daysLate) || facts.daysLate < 0) throw invalid('REGISTRY.INVALID_DAYS_LATE', 'days late is a whole number, 0 or more', 'daysLate');
  const items: CreditPoints[] = [];
  const quality = CREDIT_FORMULA.quality[facts.quality];
  if (quality !== 0) items.push({ cause: 'QUALITY_EVALUATION', points: quality, detail: `quality ${facts.quality}/5` });
  // A delivery is late when the service clock says so; a late flag with 0 days (late within the day) still counts.
  const late = !facts.onTime || facts.daysLate > 0;
  if (late) {
    const { base, perDay, maxDays } = CREDIT_FORMULA.lateDelivery;
    items.push({ cause: 'LATE_DELIVERY', points: base + perDay * Math.min(facts.daysLate, maxDays), detail: `${facts.daysLate} days late` });
  } else {
    items.push({ cause: 'ON_TIME_DELIVERY', points: CREDIT_FORMULA.onTimeDelivery, detail: 'delivered on time' });
  }
  if (!facts.feeCompliant) items.push({ cause: 'FEE_NON_COMPLIANCE', points: CREDIT_FORMULA.feeNonCompliance, detail: 'fee above the agreed or standard fee' });
  return items;
}

/** A selected agency declined the award, or let the response deadline pass in silence. */
export function pointsForDeclinedAward(cause: 'DECLINED' | 'NO_RESPONSE'): CreditPoints {
  return cause === 'DECLINED'
    ? { cause: 'AWARD_DECLINED', points: CREDIT_FORMULA.awardDeclined, detail: 'declined a win' }
    : { cause: 'AWARD_NOT_ANSWERED', points: CREDIT_FORMULA.awardNotAnswered, detail: 'did not answer a win by its deadline' };
}

export function misconductKindMustBeKnown(kind: string): MisconductKind {
  if (!(MISCONDUCT_KINDS as string[]).includes(kind)) throw invalid('REGISTRY.UNKNOWN_MISCONDUCT', `misconduct is one of ${MISCONDUCT_KINDS.join(', ')}`, 'kind');
  return kind as MisconductKind;
}

/** Misconduct a supervisor recorded: fixed points per kind, so a supervisor names the finding, never the number. */
export function pointsForMisconduct(kind: MisconductKind, reason: string): CreditPoints {
  if (!reason.trim()) throw invalid('REGISTRY.REASON_REQUIRED', 'recorded misconduct needs a reason', 'reason');
  return { cause: `MISCONDUCT_${misconductKindMustBeKnown(kind)}`, points: CREDIT_FORMULA.misconduct[kind], detail: reason.trim() };
}

/** The score after adding points, held within the bounds. */
export function boundedScore(score: number, points: number): number {
  return Math.min(CREDIT_FORMULA.max, Math.max(CREDIT_FORMULA.min, score + points));
}
