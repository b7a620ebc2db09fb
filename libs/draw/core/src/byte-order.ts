/**
 * Orders strings as their UTF-8 bytes would sort, which is code-point order. Plain `<` compares UTF-16
 * code units and disagrees for characters beyond the BMP; a verifier in another language sorts bytes.
 */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  // Code-unit order equals code-point order unless a surrogate or a unit from U+E000 up is involved.
  if (!HIGH_UNITS.test(a) && !HIGH_UNITS.test(b)) return a < b ? -1 : 1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) < codePointRank(y) ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

const HIGH_UNITS = /[\uD800-\uFFFF]/;

/** Whether every id is followed by a strictly greater one in UTF-8 byte order: a frozen pool, no repeats. */
export function isStrictlyAscendingUtf8(ids: readonly string[]): boolean {
  // One scan for high code units lets the common case use the engine's native comparison throughout.
  const compare = ids.some((id) => HIGH_UNITS.test(id)) ? compareUtf8 : (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (let i = 1; i < ids.length; i++) if (compare(ids[i - 1], ids[i]) >= 0) return false;
  return true;
}

// Surrogates (U+D800–DFFF) stand for code points above U+FFFF, so they must rank above U+E000–FFFF:
// shifting the two ranges past each other turns code-unit order into code-point order at the first difference.
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}
