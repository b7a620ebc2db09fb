import { invalid } from '@mkt/shared/kernel';

// GB 32100-2015: 18 characters over this 31-character alphabet (no I, O, S, V, Z); the last is a check character.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters of a unified social credit code. */
export function creditCodeCheckCharacter(body: string): string {
  const sum = [...body].reduce((acc, ch, i) => acc + ALPHABET.indexOf(ch) * WEIGHTS[i], 0);
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** 统一社会信用代码: validated by alphabet, length and check character. */
export class UnifiedSocialCreditCode {
  private constructor(readonly value: string) {}

  static parse(raw: string, field = 'creditCode'): UnifiedSocialCreditCode {
    const code = raw.trim().toUpperCase();
    if (code.length !== 18) throw invalid('REGISTRY.INVALID_CREDIT_CODE', 'a unified social credit code has 18 characters', field);
    const bad = [...code].find((ch) => !ALPHABET.includes(ch));
    if (bad) throw invalid('REGISTRY.INVALID_CREDIT_CODE', `"${bad}" is not allowed in a unified social credit code`, field);
    if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) {
      throw invalid('REGISTRY.INVALID_CREDIT_CODE', 'the check character of the unified social credit code does not match', field);
    }
    return new UnifiedSocialCreditCode(code);
  }
}
