import { createHash, randomBytes } from 'node:crypto';
import { bidCommitment, verifyBidAgainstCommitment, type SealedBid } from './bid-commitment';

const salt = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const bid: SealedBid = { biddingId: 'B-1', agencyId: 'A-1', quote: { form: 'AMOUNT', amountFen: 85_000 }, servicePeriodDays: 30, note: '含税' };

describe('bidCommitment', () => {
  it('hashes the UTF-8 of the JCS bid, a "|" and the salt hex, as documented', () => {
    const expectedText = '{"agencyId":"A-1","biddingId":"B-1","note":"含税","quote":{"amountFen":85000,"form":"AMOUNT"},"servicePeriodDays":30}|' + salt;
    const expected = createHash('sha256').update(Buffer.from(expectedText, 'utf8')).digest('hex');
    expect(bidCommitment(bid, salt)).toBe(expected);
    expect(bidCommitment(bid, salt)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on key order, extra keys, or an absent versus null note', () => {
    const reordered = { note: '含税', servicePeriodDays: 30, quote: { amountFen: 85_000, form: 'AMOUNT' }, agencyId: 'A-1', biddingId: 'B-1' } as SealedBid;
    expect(bidCommitment(reordered, salt)).toBe(bidCommitment(bid, salt));
    const extra = { ...bid, quote: { ...bid.quote, currency: 'CNY' }, internal: 1 } as unknown as SealedBid;
    expect(bidCommitment(extra, salt)).toBe(bidCommitment(bid, salt));
    expect(bidCommitment({ ...bid, note: undefined }, salt)).toBe(bidCommitment({ ...bid, note: null }, salt));
  });

  it('changes with the price, the salt, or the agency', () => {
    const base = bidCommitment(bid, salt);
    expect(bidCommitment({ ...bid, quote: { form: 'AMOUNT', amountFen: 85_001 } }, salt)).not.toBe(base);
    expect(bidCommitment(bid, randomBytes(32).toString('hex'))).not.toBe(base);
    expect(bidCommitment({ ...bid, agencyId: 'A-2' }, salt)).not.toBe(base);
  });

  it.each(['', 'abc', salt.toUpperCase(), salt.slice(2), `${salt}00`, 'zz' + salt.slice(2)])('refuses the salt %j', (bad) => {
    expect(() => bidCommitment(bid, bad)).toThrow(expect.objectContaining({ code: 'BIDDING.INVALID_SALT', field: 'salt' }));
  });
});

describe('verifyBidAgainstCommitment', () => {
  it('accepts the bid and salt that made the commitment', () => {
    expect(verifyBidAgainstCommitment(bid, salt, bidCommitment(bid, salt))).toBe(true);
  });

  it('rejects a changed price, note or salt, and a malformed commitment or salt without throwing', () => {
    const c = bidCommitment(bid, salt);
    expect(verifyBidAgainstCommitment({ ...bid, quote: { form: 'AMOUNT', amountFen: 84_999 } }, salt, c)).toBe(false);
    expect(verifyBidAgainstCommitment({ ...bid, note: null }, salt, c)).toBe(false);
    expect(verifyBidAgainstCommitment(bid, 'ff' + salt.slice(2), c)).toBe(false);
    expect(verifyBidAgainstCommitment(bid, salt, c.toUpperCase())).toBe(false);
    expect(verifyBidAgainstCommitment(bid, 'not-a-salt', c)).toBe(false);
  });
});
