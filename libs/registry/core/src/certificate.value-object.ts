import { invalid } from '@mkt/shared/kernel';
import { qualificationCountsAt } from './qualification-expiry.rule';

/**
 * A qualification certificate (资质证书) as the firm holds it: a type and grade issued by an authority, valid for a
 * period. One certificate can cover several catalog items that require its type; the registry grants one
 * item-level qualification per covered item offered, which is what draw and bidding fold.
 */
export interface Certificate {
  /** e.g. ENVIRONMENTAL_IMPACT_ASSESSMENT: the `qualificationType` catalog items require. */
  readonly qualificationType: string;
  /** 1 is the highest grade. */
  readonly level: number;
  readonly certificateNumber: string;
  readonly issuer: string;
  readonly validFrom: string;
  readonly validUntil: string;
  /** The uploaded scan of the certificate; null for firms imported from an earlier register. */
  readonly scanId: string | null;
}

/** What a catalog item asks of a firm offering it. */
export interface ItemRequirement {
  readonly code: string;
  readonly active: boolean;
  readonly qualificationType: string;
  readonly minimumLevel: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TYPE = /^[A-Z][A-Z0-9_]{1,63}$/;

function dateMustBeValid(value: string, field: string): void {
  if (!DATE.test(value) || Number.isNaN(Date.parse(value)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw invalid('REGISTRY.INVALID_DATE', `${field} is a date YYYY-MM-DD`, field);
  }
}

function textMustBeGiven(value: string, field: string, max: number): string {
  const text = String(value ?? '').trim();
  if (!text) throw invalid('REGISTRY.TEXT_REQUIRED', `${field} is required`, field);
  if ([...text].length > max) throw invalid('REGISTRY.TEXT_TOO_LONG', `${field} has at most ${max} characters`, field);
  return text;
}

/** Checks one certificate on its own; `field` is its path in the request (`qualifications.0`). */
export function certificateMustBeWellFormed(c: Certificate, field: string): Certificate {
  const qualificationType = String(c.qualificationType ?? '').trim().toUpperCase();
  if (!TYPE.test(qualificationType)) throw invalid('REGISTRY.INVALID_QUALIFICATION_TYPE', 'a qualification type is an upper-case name such as SURVEYING_AND_MAPPING', `${field}.qualificationType`);
  if (!Number.isInteger(c.level) || c.level < 1 || c.level > 9) throw invalid('REGISTRY.INVALID_LEVEL', 'a qualification level is a whole number from 1 (highest) to 9', `${field}.level`);
  const certificateNumber = textMustBeGiven(c.certificateNumber, `${field}.certificateNumber`, 64);
  const issuer = textMustBeGiven(c.issuer, `${field}.issuer`, 200);
  dateMustBeValid(c.validFrom, `${field}.validFrom`);
  dateMustBeValid(c.validUntil, `${field}.validUntil`);
  if (c.validUntil < c.validFrom) throw invalid('REGISTRY.INVALID_VALIDITY', 'a qualification cannot end before it starts', `${field}.validUntil`);
  return { ...c, qualificationType, certificateNumber, issuer };
}

/** The certificate that lets a firm offer an item at `now`: the item's type, its level or better, valid today; the best grade wins. */
export function certificateCovering(requirement: ItemRequirement, certificates: readonly Certificate[], now: Date): Certificate | null {
  const covering = certificates
    .filter((c) => c.qualificationType === requirement.qualificationType && c.level <= requirement.minimumLevel && qualificationCountsAt(c, now))
    .sort((a, b) => a.level - b.level || b.validUntil.localeCompare(a.validUntil) || a.certificateNumber.localeCompare(b.certificateNumber));
  return covering[0] ?? null;
}

/**
 * A firm offers only ACTIVE catalog items that one of its current certificates covers: the right type at the
 * item's minimum level or better. `field` names the item in the request (`serviceItems.2`).
 */
export function offeredItemMustBeCovered(code: string, requirement: ItemRequirement | undefined, certificates: readonly Certificate[], now: Date, field: string): Certificate {
  if (!requirement) throw invalid('REGISTRY.UNKNOWN_ITEM', `no service item ${code} in the catalog`, field);
  if (!requirement.active) throw invalid('REGISTRY.ITEM_RETIRED', `service item ${code} is retired and cannot be offered`, field);
  const covering = certificateCovering(requirement, certificates, now);
  if (!covering) {
    throw invalid(
      'REGISTRY.ITEM_NOT_COVERED',
      `offering ${code} needs a current ${requirement.qualificationType} qualification at level ${requirement.minimumLevel} or better`,
      field,
    );
  }
  return covering;
}

/** Offered items are a non-empty list of distinct codes. */
export function offeredItemsMustBeDistinct(codes: readonly string[], field = 'serviceItems'): string[] {
  const trimmed = codes.map((c) => String(c ?? '').trim().toUpperCase());
  if (trimmed.length === 0) throw invalid('REGISTRY.NO_SERVICE_ITEMS', 'offer at least one service item', field);
  const seen = new Set<string>();
  trimmed.forEach((code, i) => {
    if (seen.has(code)) throw invalid('REGISTRY.DUPLICATE_ITEM', `${code} is named twice`, `${field}.${i}`);
    seen.add(code);
  });
  return trimmed;
}

/** The id of the item-level qualification granted from a certificate: unique per firm, certificate and item. */
export function itemQualificationId(agencyId: string, certificateNumber: string, serviceItemCode: string): string {
  return `${agencyId}/${certificateNumber}/${serviceItemCode}`;
}
