import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [['x', 1], [null, true]])).toBe('a,b\r\nx,1\r\n,true\r\n');
  });

  it('quotes fields with commas, quotes or line breaks and doubles their quotes (RFC 4180)', () => {
    expect(toCsv(['v'], [['a,b'], ['say "hi"'], ['two\nlines']])).toBe('v\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but leaves negative numbers alone', () => {
    expect(toCsv(['v'], [['=HYPERLINK("x")'], ['+1'], ['@SUM(A1)'], [-3]])).toBe('v\r\n"\'=HYPERLINK(""x"")"\r\n\'+1\r\n\'@SUM(A1)\r\n-3\r\n');
  });

  it('keeps Chinese text as it is', () => {
    expect(toCsv(['标题'], [['环评报告编制']])).toBe('标题\r\n环评报告编制\r\n');
  });
});
