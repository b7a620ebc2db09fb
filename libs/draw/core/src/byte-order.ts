/**
 * Orders strings as their UTF-8 bytes would sort, which is code-point order. Plain `<` compares UTF-16
 * code units and disagrees for characters beyond the BMP; a verifier in another language sorts bytes.
 */
export function compareUtf8(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i].codePointAt(0) as number) - (y[i].codePointAt(0) as number);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}
