import { invalid } from '@mkt/shared/kernel';

export const PASSWORD_MIN_LENGTH = 10;
/** Bounds the hashing work one request can ask for. */
export const PASSWORD_MAX_LENGTH = 128;

// The most common passwords in leaked lists, Chinese users' included (NIST SP 800-63B §5.1.1.2 asks for a blocklist).
const COMMON = new Set([
  '1234567890', '0123456789', '12345678910', '1111111111', '123123123123', 'qwertyuiop', 'qwerty123456', 'password123',
  'password1234', 'passw0rd123', 'iloveyou123', 'abc1234567', 'abcd123456', 'a123456789', 'qq123456789', 'woaini1314',
  '5201314520', 'aa12345678', 'admin12345', 'administrator', 'welcome123', 'letmein123', 'zxcvbnm123', '1q2w3e4r5t',
  '1qaz2wsx3edc', 'qazwsxedc123', 'asdfghjkl1', 'p@ssw0rd123', 'changeme123', 'marketplace',
]);

/**
 * Length over composition, as NIST SP 800-63B recommends: 10–128 characters, not a well-known password, not the
 * username inside it, and not a few characters repeated. Composition rules (a digit, a symbol…) are not imposed.
 */
export function passwordMustMeetPolicy(password: string, username: string, field = 'password'): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) throw invalid('IDENTITY.PASSWORD_TOO_SHORT', `a password has at least ${PASSWORD_MIN_LENGTH} characters`, field);
  if (length > PASSWORD_MAX_LENGTH) throw invalid('IDENTITY.PASSWORD_TOO_LONG', `a password has at most ${PASSWORD_MAX_LENGTH} characters`, field);
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) throw invalid('IDENTITY.PASSWORD_TOO_COMMON', 'this password is among the most common ones; choose another', field);
  if (username.length >= 3 && lower.includes(username.toLowerCase())) {
    throw invalid('IDENTITY.PASSWORD_CONTAINS_USERNAME', 'a password must not contain the username', field);
  }
  if (new Set(password).size < 5) throw invalid('IDENTITY.PASSWORD_TOO_SIMPLE', 'a password needs at least 5 different characters', field);
}
