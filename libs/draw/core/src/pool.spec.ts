import fc from 'fast-check';
import { compareUtf8 } from './byte-order';
import { canonicalJson } from './digest';
import { isFrozenPoolOrder, jcsOfFlatRecords } from './pool';

const text = fc.string({ unit: 'binary', maxLength: 12 });

describe('jcsOfFlatRecords', () => {
  it('writes exactly what the reference JCS canonicaliser writes for string arrays and flat records', () => {
    fc.assert(fc.property(fc.array(text), (ids) => jcsOfFlatRecords(ids) === canonicalJson(ids)));
    fc.assert(
      fc.property(fc.array(fc.record({ id: text, weight: fc.integer({ min: 1, max: 2 ** 40 }) })), (weights) =>
        jcsOfFlatRecords(weights.map(({ id, weight }) => ({ id, weight }))) === canonicalJson(weights),
      ),
    );
    fc.assert(fc.property(fc.array(fc.record({ agencyId: text, reason: text })), (ex) => jcsOfFlatRecords(ex.map(({ agencyId, reason }) => ({ agencyId, reason }))) === canonicalJson(ex)));
  });
});

describe('compareUtf8', () => {
  it('orders any two strings as their UTF-8 bytes compare', () => {
    const bytes = (s: string) => Buffer.from(s, 'utf8');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 }), (a, b) => Math.sign(compareUtf8(a, b)) === Math.sign(Buffer.compare(bytes(a), bytes(b)))),
      { numRuns: 2000 },
    );
  });
});

describe('isFrozenPoolOrder', () => {
  it('accepts exactly the arrays that are strictly ascending in UTF-8 byte order', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 4 }), { maxLength: 8 }), (ids) => {
        const bytes = ids.map((s) => Buffer.from(s, 'utf8'));
        const ascending = bytes.every((b, i) => i === 0 || Buffer.compare(bytes[i - 1], b) < 0);
        const sortedUnique = [...new Set(ids)].sort(compareUtf8);
        return isFrozenPoolOrder(ids) === ascending && isFrozenPoolOrder(sortedUnique);
      }),
      { numRuns: 2000 },
    );
  });
});
