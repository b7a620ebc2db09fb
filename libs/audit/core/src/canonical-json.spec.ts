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

  it('writes exactly what canonicalize writes for values already in canonical key order (the export case)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = JSON.parse(canonicalize(value) as string);
        expect(canonicalJson(parsed)).toBe(canonicalize(parsed));
      }),
      { numRuns: 10000 },
    );
  });

  it('sorts what a toJSON method hands back, even inside an object whose own keys are in order', () => {
    const value = { a: { toJSON: () => ({ y: 1, x: 2 }) }, b: new Date(0) };
    expect(canonicalJson(value)).toBe('{"a":{"x":2,"y":1},"b":"1970-01-01T00:00:00.000Z"}');
    expect(canonicalJson(value)).toBe(canonicalize(value));
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
