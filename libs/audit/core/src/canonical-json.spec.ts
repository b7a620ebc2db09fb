import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('writes exactly what canonicalize writes, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 10000 },
    );
  });

  it('orders keys by UTF-16 code units, array-index keys included, and nested objects too', () => {
    const value = { b: 1, a: [{ z: 1, y: 2 }], '10': 'x', '9': 'y', é: 0, '€': 1, '\u{1F600}': 2, '': null };
    expect(canonicalJson(value)).toBe(canonicalize(value));
    expect(canonicalJson({ b: { d: 1, c: 2 }, a: true })).toBe('{"a":true,"b":{"c":2,"d":1}}');
  });

  it('keeps a "__proto__" key as data', () => {
    const value = JSON.parse('{"b":1,"__proto__":{"x":2}}');
    expect(canonicalJson(value)).toBe('{"__proto__":{"x":2},"b":1}');
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });

  it('writes numbers the ECMAScript way, as JCS prescribes', () => {
    for (const n of [0, -0, 1e21, 1e-7, 123456789012345680000, 0.1 + 0.2, -5e-324, 9007199254740993]) expect(canonicalJson({ n })).toBe(canonicalize({ n }));
  });

  it('leaves non-finite numbers and undefined to canonicalize, as before', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(canonicalJson(undefined)).toBeUndefined();
    expect(canonicalJson({ a: undefined, b: 1 })).toBe(canonicalize({ a: undefined, b: 1 }));
  });
});
