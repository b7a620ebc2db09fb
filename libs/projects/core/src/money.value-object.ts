import { invalid } from '@mkt/shared/kernel';

// Amounts are integer fen (0.01 yuan) held in a `number`: exact, JSON-safe, and with 2^53 fen (~90 trillion yuan)
// far beyond any project. Decimal yuan strings are accepted only at the edge, through `yuanToFen`.
const YUAN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** `'99999.5'` → 9_999_950. Refuses more than two decimals, signs, exponents and separators. */
export function yuanToFen(yuan: string, field = 'budgetCapFen'): number {
  const match = typeof yuan === 'string' ? YUAN.exec(yuan.trim()) : null;
  if (!match) throw invalid('PROJECTS.INVALID_AMOUNT', 'expected an amount in yuan with at most two decimals, e.g. 85000.50', field);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 9_999_950 → `'99999.50'`. */
export function fenToYuan(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

export function positiveFen(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw invalid('PROJECTS.INVALID_AMOUNT', 'an amount is a positive whole number of fen (0.01 yuan)', field);
  }
  return value;
}
