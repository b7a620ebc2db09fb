import { refusalOf } from '@mkt/shared/kernel/testing';
import { passwordMustMeetPolicy } from './password-must-meet-policy.rule';

describe('passwordMustMeetPolicy', () => {
  it('accepts a long enough, uncommon password without demanding symbols or digits', () => {
    expect(refusalOf(() => passwordMustMeetPolicy('西湖边的柳树发芽了吗', 'liming'))).toBeUndefined();
    expect(refusalOf(() => passwordMustMeetPolicy('correct horse battery', 'liming'))).toBeUndefined();
  });

  it('counts characters, not bytes, at both ends', () => {
    expect(refusalOf(() => passwordMustMeetPolicy('短密码一二三四五', 'liming'))).toBe('IDENTITY.PASSWORD_TOO_SHORT@password');
    expect(refusalOf(() => passwordMustMeetPolicy('abcdefghi', 'liming'))).toBe('IDENTITY.PASSWORD_TOO_SHORT@password');
    expect(refusalOf(() => passwordMustMeetPolicy('密'.repeat(64) + 'abcdefghij'.repeat(6) + 'abcd', 'liming'))).toBeUndefined();
    expect(refusalOf(() => passwordMustMeetPolicy('x'.repeat(101) + 'abcdefghijklmnopqrstuvwxyz12', 'liming'))).toBe('IDENTITY.PASSWORD_TOO_LONG@password');
  });

  it('refuses a well-known password, one containing the username, and a few characters repeated', () => {
    expect(refusalOf(() => passwordMustMeetPolicy('Password123', 'liming'))).toBe('IDENTITY.PASSWORD_TOO_COMMON@password');
    expect(refusalOf(() => passwordMustMeetPolicy('my-LiMing-secret', 'liming'))).toBe('IDENTITY.PASSWORD_CONTAINS_USERNAME@password');
    expect(refusalOf(() => passwordMustMeetPolicy('abababababab', 'liming'))).toBe('IDENTITY.PASSWORD_TOO_SIMPLE@password');
  });

  it('names the field it was asked to check', () => {
    expect(refusalOf(() => passwordMustMeetPolicy('short', 'liming', 'newPassword'))).toBe('IDENTITY.PASSWORD_TOO_SHORT@newPassword');
  });
});
