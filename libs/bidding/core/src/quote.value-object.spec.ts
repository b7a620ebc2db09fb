import { DomainError } from '@mkt/shared/kernel';
import { effectivePriceFen, quoteMustBeWellFormed, type Quote } from './quote.value-object';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('effectivePriceFen', () => {
  it('takes an amount as its own price', () => {
    expect(effectivePriceFen({ form: 'AMOUNT', amountFen: 123_456 }, 999)).toBe(123_456);
  });

  it('applies a discount rate to the standard fee', () => {
    expect(effectivePriceFen({ form: 'DISCOUNT_RATE', rate: 0.15 }, 1_000_000)).toBe(850_000);
    expect(effectivePriceFen({ form: 'DISCOUNT_RATE', rate: 0 }, 1_000_000)).toBe(1_000_000);
  });

  it('rounds half up on the exact basis-point product, free of floating-point drift', () => {
    // 333 × 0.85 = 283.05 → 283; 3 × 0.5 = 1.5 → 2; 10 × (1 − 0.3) is 6.999… in floating point, 7 exactly
    expect(effectivePriceFen({ form: 'DISCOUNT_RATE', rate: 0.15 }, 333)).toBe(283);
    expect(effectivePriceFen({ form: 'DISCOUNT_RATE', rate: 0.5 }, 3)).toBe(2);
    expect(effectivePriceFen({ form: 'DISCOUNT_RATE', rate: 0.0001 }, 5_000)).toBe(5_000); // 4999.5 → 5000
    expect(effectivePriceFen({ form: 'DISCOUNT_RATE', rate: 0.3 }, 10)).toBe(7);
  });
});

describe('quoteMustBeWellFormed', () => {
  it.each<[Quote, string]>([
    [{ form: 'AMOUNT', amountFen: 0 }, 'quote.amountFen'],
    [{ form: 'AMOUNT', amountFen: 10.5 }, 'quote.amountFen'],
    [{ form: 'DISCOUNT_RATE', rate: 1 }, 'quote.rate'],
    [{ form: 'DISCOUNT_RATE', rate: -0.01 }, 'quote.rate'],
    [{ form: 'DISCOUNT_RATE', rate: 0.12345 }, 'quote.rate'],
    [{ form: 'DISCOUNT_RATE', rate: Number.NaN }, 'quote.rate'],
    [{ form: 'BARTER' } as unknown as Quote, 'quote.form'],
  ])('refuses %j naming %s', (quote, field) => {
    const e = refusal(() => quoteMustBeWellFormed(quote));
    expect(e.code).toBe('BIDDING.INVALID_QUOTE');
    expect(e.field).toBe(field);
  });

  it('accepts a rate with exactly 4 decimals', () => {
    expect(() => quoteMustBeWellFormed({ form: 'DISCOUNT_RATE', rate: 0.1234 })).not.toThrow();
    expect(() => quoteMustBeWellFormed({ form: 'DISCOUNT_RATE', rate: 0.9999 })).not.toThrow();
  });
});
