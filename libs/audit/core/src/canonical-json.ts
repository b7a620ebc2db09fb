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
 * True when plain JSON.stringify already writes the JCS text: every object's own keys in UTF-16 order and none an
 * array index, no `toJSON` that could hand back other keys, every number finite. What a log export holds passes —
 * its entries are parsed from canonical text — so the common case skips the replacer and its object per object.
 */
function alreadyCanonical(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!alreadyCanonical(value[i])) return false;
    return true;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (i > 0 && !(keys[i - 1] < key)) return false;
    const first = key.charCodeAt(0);
    if (first >= 48 && first <= 57 && INDEX_KEY.test(key)) return false;
    if (!alreadyCanonical((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * RFC 8785 (JCS) text of a JSON value — the same text as the `canonicalize` package, several times faster: the
 * native JSON.stringify does the writing (ECMAScript number and string serialisation are what JCS prescribes) and
 * a replacer hands it each object with its keys in UTF-16 order, unless they are in that order already. Values it
 * cannot order that way (array-index keys) or that JSON cannot hold (non-finite numbers) go to `canonicalize`,
 * which decides for them.
 */
export function canonicalJson(value: unknown): string | undefined {
  if (alreadyCanonical(value)) return JSON.stringify(value);
  try {
    return JSON.stringify(value, sortedKeys);
  } catch (e) {
    if (e instanceof NeedsGeneralCanonicalizer) return canonicalize(value);
    throw e;
  }
}
