/**
 * Where the parts of an export file lie, found without parsing its entries: the verifier's threads then parse and
 * hash the entries a run at a time, straight from the shared bytes. Only the structure between elements is read
 * here; each run is checked in full when a thread parses it (JSON.parse), the small members are parsed here.
 */

/** Element boundaries of a large array, recorded per run of `runSize` elements. */
export interface ArrayLayout {
  readonly count: number;
  /** starts[u]: the byte where element u·runSize begins; ends[u]: the byte just past the run's last element. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

export interface ExportFileLayout {
  /** The members other than the two large arrays, parsed (last one wins, as in JSON.parse). */
  readonly members: ReadonlyMap<string, unknown>;
  /** Set when the member is an array; a member of another type is in `members`. */
  readonly entries: ArrayLayout | null;
  readonly leafHashes: ArrayLayout | null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const LARGE_ARRAYS = new Set(['entries', 'leafHashes']);

/**
 * The layout of an export (a JSON object), or null when the file is valid JSON of another shape (e.g. not an
 * object at all) that the single-threaded path should judge. Throws a SyntaxError where the structure is broken.
 */
export function exportFileLayout(bytes: Buffer, runSize: number): ExportFileLayout | null {
  const scan = new Scanner(bytes);
  let i = scan.space(0);
  if (bytes[i] !== OPEN_OBJECT) return null;
  const members = new Map<string, unknown>();
  const arrays = new Map<string, ArrayLayout>();
  i = scan.space(i + 1);
  if (bytes[i] === CLOSE_OBJECT) return scan.finish(i + 1, { members, entries: null, leafHashes: null });
  for (;;) {
    if (bytes[i] !== QUOTE) scan.fail(i, 'a member name');
    const nameEnd = scan.stringEnd(i);
    const name = JSON.parse(bytes.toString('utf8', i, nameEnd)) as string;
    i = scan.space(nameEnd);
    if (bytes[i] !== COLON) scan.fail(i, '":"');
    i = scan.space(i + 1);
    if (LARGE_ARRAYS.has(name) && bytes[i] === OPEN_ARRAY) {
      const { layout, end } = scan.array(i, runSize);
      arrays.set(name, layout);
      members.delete(name);
      i = end;
    } else {
      const end = scan.valueEnd(i);
      members.set(name, JSON.parse(bytes.toString('utf8', i, end)));
      arrays.delete(name);
      i = end;
    }
    i = scan.space(i);
    if (bytes[i] === COMMA) {
      i = scan.space(i + 1);
      continue;
    }
    if (bytes[i] !== CLOSE_OBJECT) scan.fail(i, '"," or "}"');
    return scan.finish(i + 1, { members, entries: arrays.get('entries') ?? null, leafHashes: arrays.get('leafHashes') ?? null });
  }
}

/** Just past the JSON value starting at i (its structure only: JSON.parse of it checks the rest). */
export function jsonValueEnd(bytes: Buffer, i: number): number {
  return new Scanner(bytes).valueEnd(i);
}

class Scanner {
  constructor(private readonly bytes: Buffer) {}

  space(i: number): number {
    const b = this.bytes;
    while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
    return i;
  }

  /** Just past the closing quote of the string opening at i; the quote search runs natively (indexOf). */
  stringEnd(i: number): number {
    let from = i + 1;
    for (;;) {
      const quote = this.bytes.indexOf(QUOTE, from);
      if (quote < 0) this.fail(i, 'the end of a string');
      let backslashes = 0;
      while (this.bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      from = quote + 1;
    }
  }

  /** Just past the value starting at i. Brackets are counted, not matched: JSON.parse of the value checks them. */
  valueEnd(i: number): number {
    const b = this.bytes;
    const first = b[i];
    if (first === QUOTE) return this.stringEnd(i);
    if (first === OPEN_OBJECT || first === OPEN_ARRAY) {
      let depth = 0;
      for (let j = i; j < b.length; j++) {
        const c = b[j];
        if (c === QUOTE) j = this.stringEnd(j) - 1;
        else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
        else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && --depth === 0) return j + 1;
      }
      this.fail(i, 'the end of an object or array');
    }
    let j = i;
    while (j < b.length && b[j] !== COMMA && b[j] !== CLOSE_OBJECT && b[j] !== CLOSE_ARRAY && b[j] !== 0x20 && b[j] !== 0x0a && b[j] !== 0x0d && b[j] !== 0x09) j++;
    if (j === i) this.fail(i, 'a value');
    return j;
  }

  array(i: number, runSize: number): { layout: ArrayLayout; end: number } {
    const starts: number[] = [];
    const ends: number[] = [];
    let count = 0;
    i = this.space(i + 1);
    if (this.bytes[i] === CLOSE_ARRAY) return { layout: { count, starts, ends }, end: i + 1 };
    for (;;) {
      const end = this.valueEnd(i);
      if (count % runSize === 0) starts.push(i);
      count++;
      if (count % runSize === 0) ends.push(end);
      i = this.space(end);
      if (this.bytes[i] === COMMA) {
        i = this.space(i + 1);
        continue;
      }
      if (this.bytes[i] !== CLOSE_ARRAY) this.fail(i, '"," or "]"');
      if (count % runSize !== 0) ends.push(end);
      return { layout: { count, starts, ends }, end: i + 1 };
    }
  }

  finish(end: number, layout: ExportFileLayout): ExportFileLayout {
    if (this.space(end) !== this.bytes.length) this.fail(this.space(end), 'the end of the file');
    return layout;
  }

  fail(at: number, expected: string): never {
    throw new SyntaxError(`expected ${expected} at byte ${at}`);
  }
}
