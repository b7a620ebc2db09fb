import { DomainError } from '@mkt/shared/kernel';
import { hexOf } from './bytes';
import { emptyRoot, entryBytesOf, leafHash, leafHashOf, nodeHash } from './merkle-hash';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('entryBytesOf', () => {
  it('is the RFC 8785 canonical JSON: keys sorted by UTF-16 code units, no whitespace, ES number forms', () => {
    // RFC 8785 §3.2.3: U+1F600 (surrogates D83D DE00) sorts before U+FB33, against code-point order.
    const event = { type: 'draw.Completed', b: [1e21, 0.1, -0, 10.0], a: { z: null, '\ufb33': 1, '\u20ac': true, '\ud83d\ude00': 'x', A: 'é' } };
    expect(text(entryBytesOf(event))).toBe('{"a":{"A":"é","z":null,"€":true,"😀":"x","\ufb33":1},"b":[1e+21,0.1,0,10],"type":"draw.Completed"}');
  });

  it('gives the same bytes whatever order the producer wrote the keys in', () => {
    expect(entryBytesOf({ x: 1, y: { q: 2, p: 3 } })).toEqual(entryBytesOf({ y: { p: 3, q: 2 }, x: 1 }));
  });

  it('refuses values with no interoperable JSON form', () => {
    for (const value of [undefined, NaN, { n: Infinity }, { s: 'a\ud800b' }]) {
      expect(() => entryBytesOf(value)).toThrow(DomainError);
    }
  });

  it('accepts a backslash before a u, which is not a surrogate escape', () => {
    expect(text(entryBytesOf({ s: '\\ud800' }))).toBe('{"s":"\\\\ud800"}');
  });
});

describe('RFC 9162 hashing', () => {
  it('roots the empty tree at SHA-256 of the empty string', () => {
    expect(hexOf(emptyRoot())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('prefixes leaves with 0x00 and nodes with 0x01 (the RFC 6962 test vectors)', () => {
    const empty = leafHash(new Uint8Array(0));
    expect(hexOf(empty)).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    expect(hexOf(nodeHash(empty, leafHash(Uint8Array.of(0x00))))).toBe('fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125');
  });

  it('hashes an event as the leaf of its canonical bytes', () => {
    expect(leafHashOf({ b: 1, a: 2 })).toEqual(leafHash(new TextEncoder().encode('{"a":2,"b":1}')));
  });
});
