import { DomainError } from '@mkt/shared/kernel';
import { quoteMustRespectCap } from './quote-must-respect-cap.rule';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('quoteMustRespectCap', () => {
  it('accepts an amount at the cap and refuses one fen above, naming quote.amountFen', () => {
    expect(() => quoteMustRespectCap({ form: 'AMOUNT', amountFen: 80_000 }, 80_000, 100_000)).not.toThrow();
    const e = refusal(() => quoteMustRespectCap({ form: 'AMOUNT', amountFen: 80_001 }, 80_000, 100_000));
    expect(e).toMatchObject({ code: 'BIDDING.QUOTE_ABOVE_CAP', field: 'quote.amountFen', kind: 'invalid' });
  });

  it('compares a discount rate through its effective price, naming quote.rate', () => {
    expect(() => quoteMustRespectCap({ form: 'DISCOUNT_RATE', rate: 0.2 }, 80_000, 100_000)).not.toThrow();
    const e = refusal(() => quoteMustRespectCap({ form: 'DISCOUNT_RATE', rate: 0.1999 }, 80_000, 100_000));
    expect(e).toMatchObject({ code: 'BIDDING.QUOTE_ABOVE_CAP', field: 'quote.rate' });
  });

  it('accepts a rate whose rounded price lands exactly on the cap', () => {
    // 333 × (1 − 0.15) = 283.05 → 283
    expect(() => quoteMustRespectCap({ form: 'DISCOUNT_RATE', rate: 0.15 }, 283, 333)).not.toThrow();
  });

  it('refuses a malformed quote before comparing', () => {
    expect(refusal(() => quoteMustRespectCap({ form: 'DISCOUNT_RATE', rate: 1.2 }, 80_000, 100_000))).toMatchObject({
      code: 'BIDDING.INVALID_QUOTE',
      field: 'quote.rate',
    });
  });
});
