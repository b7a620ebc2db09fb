import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalValueEnd } from './canonical-bytes';

const accepted = (text: string) => {
  const bytes = Buffer.from(`${text} `);
  const end = canonicalValueEnd(bytes, 0);
  return end === bytes.length - 1;
};

// Serialisations of the same value that are not its JCS text, and small edits that may or may not be.
function variants(value: unknown): string[] {
  const jcs = canonicalize(value) as string;
  return [
    JSON.stringify(value),
    JSON.stringify(value, null, 1),
    jcs.replace(/[é\u00e9]/g, '\\u00e9'),
    jcs.replace(/\//g, '\\/'),
    jcs.replace(/(\d)(,|\]|\})/, '$1.0$2'),
    jcs.replace(/:(\d)/, ':0$1'),
    jcs.replace(/\\u001f/g, '\\u001F'),
    jcs.replace(/\\n/g, '\\u000a'),
  ];
}

describe('canonicalValueEnd', () => {
  it('finds the end of JCS text, Chinese strings, escapes and nesting included', () => {
    const value = { a: [1, -0.5, 1e21, 5e-324, true, null, { b: '中介\n"\\\u001f/' }], c: {}, d: [], z: '' };
    const text = canonicalize(value) as string;
    expect(canonicalValueEnd(Buffer.from(`[${text},1]`), 1)).toBe(1 + Buffer.byteLength(text));
  });

  it('accepts only text that is exactly its own JCS form (never a false yes)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.unicodeJsonValue()), (value) => {
        for (const text of [canonicalize(value) as string, ...variants(value)]) {
          if (accepted(text)) expect(canonicalize(JSON.parse(text))).toBe(text);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts the JCS text of any value whose keys are printable ASCII', () => {
    const asciiKeys = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string({ unit: 'binary' }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(tie('value')), fc.dictionary(fc.string({ unit: fc.constantFrom(...'abcXYZ019_-.$ '.split('')) }), tie('value'))),
    })).value;
    fc.assert(
      fc.property(asciiKeys, (value) => {
        const text = canonicalize(value) as string;
        // Lone surrogates have no UTF-8 form: the slow path refuses those entries.
        if (!/[\ud800-\udfff]/.test(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) expect(accepted(text)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses whitespace, unsorted or repeated keys, other number spellings, needless escapes and bad UTF-8', () => {
    for (const text of ['{"a": 1}', '{"b":1,"a":2}', '{"a":1,"a":2}', '[1.0]', '[-0]', '[1E3]', '["\\u00e9"]', '["\\/"]', '["\\u000a"]', '{"é":1}', '["\\ud800"]', 'nul', '[1,]']) {
      expect([text, accepted(text)]).toEqual([text, false]);
    }
    expect(canonicalValueEnd(Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]), 0)).toBe(-1);
    expect(canonicalValueEnd(Buffer.from([0x22, 0xc0, 0x80, 0x22]), 0)).toBe(-1);
  });
});
