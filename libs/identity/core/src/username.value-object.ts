import { invalid } from '@mkt/shared/kernel';

const FORMAT = /^[a-z0-9][a-z0-9._@-]{2,63}$/;

/** A login name: case-insensitive (kept lower-case, NFKC), 3–64 of a-z 0-9 . _ @ -, starting with a letter or digit. */
export class Username {
  private constructor(readonly value: string) {}

  static parse(input: string): Username {
    const value = String(input ?? '').normalize('NFKC').trim().toLowerCase();
    if (!FORMAT.test(value)) {
      throw invalid('IDENTITY.INVALID_USERNAME', 'a username is 3–64 characters of a–z, 0–9 and . _ @ -, starting with a letter or digit', 'username');
    }
    return new Username(value);
  }
}
