import canonicalize from 'canonicalize';

// An own key that is an array index: JavaScript objects list such keys first, in numeric order, whatever order
// they were added in — so an object rebuilt with sorted keys would not keep the RFC 8785 order.
const INDEX_KEY = /^(0|[1-9]\d{0,9})$/;

class NeedsGeneralCanonicalizer extends Error {}

function sortedKeys(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new NeedsGeneralCanonicalizer();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value).sort();
  // No prototype: a "__proto__" key in the data is then an ordinary own key, not a prototype assignment.
  const sorted: Record<string, unknown> = Object.create(null);
  for (const key of keys) {
    if (INDEX_KEY.test(key)) throw new NeedsGeneralCanonicalizer();
    sorted[key] = (value as Record<string, unknown>)[key];
  }
  return sorted;
}

/**
 * RFC 8785 (JCS) text of a JSON value — the same text as the `canonicalize` package, several times faster: the
 * native JSON.stringify does the writing (ECMAScript number and string serialisation are what JCS prescribes) and
 * a replacer hands it each object with its keys in UTF-16 order. Values it cannot order that way (array-index
 * keys) or that JSON cannot hold (non-finite numbers) go to `canonicalize`, which decides for them.
 */
export function canonicalJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value, sortedKeys);
  } catch (e) {
    if (e instanceof NeedsGeneralCanonicalizer) return canonicalize(value);
    throw e;
  }
}
