import { DomainError } from '@mkt/shared/kernel';
import { fenToYuan, yuanToFen } from './money.value-object';

describe('yuanToFen', () => {
  it('turns a decimal yuan string into exact integer fen', () => {
    expect(yuanToFen('99999.99')).toBe(9_999_999);
    expect(yuanToFen('100000')).toBe(10_000_000);
    expect(yuanToFen(' 0.5 ')).toBe(50);
    // The float path would give 1.1 * 100 = 110.00000000000001.
    expect(yuanToFen('1.10')).toBe(110);
  });

  it.each(['-1', '1.234', '1e5', '1,000', '', '¥100'])('refuses %p, naming the field', (raw) => {
    expect(() => yuanToFen(raw, 'amount')).toThrow(expect.objectContaining({ code: 'PROJECTS.INVALID_AMOUNT', field: 'amount' }) as DomainError);
  });
});

describe('fenToYuan', () => {
  it('writes fen as yuan with two decimals', () => {
    expect(fenToYuan(9_999_950)).toBe('99999.50');
    expect(fenToYuan(7)).toBe('0.07');
  });
});
