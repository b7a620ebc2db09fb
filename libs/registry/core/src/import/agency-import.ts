import { invalid } from '@mkt/shared/kernel';
import { certificateMustBeWellFormed, offeredItemMustBeCovered, offeredItemsMustBeDistinct, type Certificate, type ItemRequirement } from '../certificate.value-object';
import { UnifiedSocialCreditCode } from '../unified-social-credit-code.value-object';
import type { Contact } from '../registration/registration-content';
import { recordsOf, rowErrorOf, type ImportColumn, type ImportRecord, type ImportRowError } from './import-sheet';

/**
 * One row per certificate a firm holds; a firm with several certificates has several rows with the same credit
 * code and the same firm details. `serviceItems` lists item codes separated by `;`.
 */
export const AGENCY_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { name: 'name', required: true },
  { name: 'creditCode', required: true },
  { name: 'region', required: true },
  { name: 'legalRepresentative', required: true },
  { name: 'contactName', required: true },
  { name: 'contactPhone', required: true },
  { name: 'contactEmail', required: false },
  { name: 'qualificationType', required: true },
  { name: 'level', required: true },
  { name: 'certificateNumber', required: true },
  { name: 'issuer', required: true },
  { name: 'validFrom', required: true },
  { name: 'validUntil', required: true },
  { name: 'serviceItems', required: true },
];

export interface ImportedFirm {
  readonly rows: readonly number[];
  readonly name: string;
  readonly creditCode: string;
  readonly region: string;
  readonly legalRepresentative: string;
  readonly contacts: readonly Contact[];
  readonly certificates: readonly Certificate[];
  readonly serviceItems: readonly string[];
}

export interface AgencyImportContext {
  readonly requirements: ReadonlyMap<string, ItemRequirement>;
  readonly registeredCreditCodes: ReadonlySet<string>;
  readonly now: Date;
}

const REGION = /^\d{6}$/;
const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;

// Rule fields (`qualifications.0.level`, `serviceItems.2`) are reported under the file's column names.
function columnOf(field: string | null): string | null {
  if (!field) return null;
  const last = field.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? field;
  if (field.startsWith('serviceItems')) return 'serviceItems';
  return AGENCY_IMPORT_COLUMNS.some((c) => c.name === last) ? last : field;
}

function required(values: Readonly<Record<string, string>>, column: string, max: number): string {
  const v = values[column] ?? '';
  if (!v) throw invalid('REGISTRY.TEXT_REQUIRED', `${column} is required`, column);
  if ([...v].length > max) throw invalid('REGISTRY.TEXT_TOO_LONG', `${column} has at most ${max} characters`, column);
  return v;
}

interface ParsedRow {
  readonly row: number;
  readonly firm: Omit<ImportedFirm, 'rows' | 'certificates' | 'serviceItems'>;
  readonly certificate: Certificate;
  readonly serviceItems: readonly string[];
}

function parseRow(record: ImportRecord): ParsedRow {
  const v = record.values;
  const name = required(v, 'name', 200);
  const creditCode = UnifiedSocialCreditCode.parse(v['creditCode'] ?? '', 'creditCode').value;
  const region = v['region'] ?? '';
  if (!REGION.test(region)) throw invalid('REGISTRY.INVALID_REGION', 'the region is a 6-digit administrative division code such as 330100', 'region');
  const legalRepresentative = required(v, 'legalRepresentative', 50);
  const contactName = required(v, 'contactName', 50);
  const contactPhone = required(v, 'contactPhone', 20);
  if (!PHONE.test(contactPhone)) throw invalid('REGISTRY.INVALID_PHONE', 'a phone number has 6–20 digits, spaces or dashes', 'contactPhone');
  const level = /^\d+$/.test(v['level'] ?? '') ? Number(v['level']) : NaN;
  const certificate = certificateMustBeWellFormed(
    {
      qualificationType: v['qualificationType'] ?? '',
      level,
      certificateNumber: v['certificateNumber'] ?? '',
      issuer: v['issuer'] ?? '',
      validFrom: v['validFrom'] ?? '',
      validUntil: v['validUntil'] ?? '',
      scanId: null,
    },
    'row',
  );
  const serviceItems = offeredItemsMustBeDistinct((v['serviceItems'] ?? '').split(/[;；]/).map((s) => s.trim()).filter(Boolean), 'serviceItems');
  return {
    row: record.row,
    firm: { name, creditCode, region, legalRepresentative, contacts: [{ name: contactName, phone: contactPhone, email: v['contactEmail'] || null }] },
    certificate,
    serviceItems,
  };
}

/**
 * Checks a whole agency import and returns the firms to register, or every row at fault. The caller imports
 * nothing unless `errors` is empty: a file is taken whole or not at all.
 */
export function planAgencyImport(table: readonly (readonly string[])[], context: AgencyImportContext): { firms: ImportedFirm[]; errors: ImportRowError[] } {
  const { records, errors } = recordsOf(table, AGENCY_IMPORT_COLUMNS);
  if (errors.length > 0) return { firms: [], errors };
  const firms = new Map<string, { rows: number[]; firm: ParsedRow['firm']; certificates: Certificate[]; items: { code: string; row: number }[] }>();
  for (const record of records) {
    try {
      const parsed = parseRow(record);
      const { creditCode } = parsed.firm;
      if (context.registeredCreditCodes.has(creditCode)) throw invalid('REGISTRY.CREDIT_CODE_TAKEN', 'a firm with this unified social credit code is already registered', 'creditCode');
      const known = firms.get(creditCode);
      if (!known) {
        firms.set(creditCode, { rows: [record.row], firm: parsed.firm, certificates: [parsed.certificate], items: parsed.serviceItems.map((code) => ({ code, row: record.row })) });
        continue;
      }
      // Later rows of the same firm add certificates; the firm's own details must not contradict its first row.
      for (const column of ['name', 'region', 'legalRepresentative'] as const) {
        if (known.firm[column] !== parsed.firm[column]) throw invalid('REGISTRY.IMPORT_FIRM_MISMATCH', `${column} differs from row ${known.rows[0]} of the same credit code`, column);
      }
      if (known.certificates.some((c) => c.certificateNumber === parsed.certificate.certificateNumber)) {
        throw invalid('REGISTRY.DUPLICATE_CERTIFICATE', `certificate ${parsed.certificate.certificateNumber} is listed twice for this firm`, 'certificateNumber');
      }
      known.rows.push(record.row);
      known.certificates.push(parsed.certificate);
      for (const code of parsed.serviceItems) if (!known.items.some((i) => i.code === code)) known.items.push({ code, row: record.row });
    } catch (error) {
      errors.push(rowErrorOf(record.row, error, columnOf));
    }
  }
  const planned: ImportedFirm[] = [];
  for (const f of firms.values()) {
    const problems = f.items.flatMap(({ code, row }) => {
      try {
        offeredItemMustBeCovered(code, context.requirements.get(code), f.certificates, context.now, 'serviceItems');
        return [];
      } catch (error) {
        return [rowErrorOf(row, error, columnOf)];
      }
    });
    errors.push(...problems);
    planned.push({ rows: f.rows, ...f.firm, certificates: f.certificates, serviceItems: f.items.map((i) => i.code) });
  }
  errors.sort((a, b) => a.row - b.row);
  return errors.length > 0 ? { firms: [], errors } : { firms: planned, errors: [] };
}
