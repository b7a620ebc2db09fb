import { Workbook, type CellValue } from 'exceljs';
import { parseCsv } from '@mkt/registry/core';
import { invalid } from '@mkt/shared/kernel';

// An .xlsx file is a ZIP container (ECMA-376 Part 2): it starts with a local file header "PK\x03\x04".
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Import files are at most 5 MiB: a few thousand firms or the whole catalog fit many times over. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * Reads an import file as a table of cell texts: an Excel workbook (.xlsx, first sheet) or UTF-8 CSV, told
 * apart by content, not by name. Dates in Excel cells become YYYY-MM-DD.
 */
export async function readImportTable(content: Buffer): Promise<string[][]> {
  if (ZIP.every((b, i) => content[i] === b)) return readWorkbook(content);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw invalid('REGISTRY.IMPORT_NOT_UTF8', 'a CSV import must be UTF-8 (save it as "CSV UTF-8"), or send an .xlsx workbook', 'file');
  }
  return parseCsv(text);
}

async function readWorkbook(content: Buffer): Promise<string[][]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw invalid('REGISTRY.IMPORT_BAD_WORKBOOK', 'the file is not a readable .xlsx workbook', 'file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid('REGISTRY.IMPORT_BAD_WORKBOOK', 'the workbook has no sheet', 'file');
  const table: string[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    table.push(cells);
  }
  return table;
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value && value.result !== undefined ? cellText(value.result as CellValue) : '';
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return String(value);
}
