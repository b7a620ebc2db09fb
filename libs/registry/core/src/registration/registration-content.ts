import { invalid } from '@mkt/shared/kernel';
import { certificateMustBeWellFormed, offeredItemMustBeCovered, offeredItemsMustBeDistinct, type Certificate, type ItemRequirement } from '../certificate.value-object';
import { beijingDay } from '../qualification-expiry.rule';
import { UnifiedSocialCreditCode } from '../unified-social-credit-code.value-object';

export interface Contact {
  readonly name: string;
  readonly phone: string;
  readonly email: string | null;
}

/** What a firm states when it applies to join the marketplace (入驻申请). */
export interface RegistrationContent {
  readonly name: string;
  readonly creditCode: string;
  readonly legalRepresentative: string;
  readonly contacts: readonly Contact[];
  /** Administrative division code of the firm's seat (6 digits, e.g. 330100). */
  readonly region: string;
  readonly qualifications: readonly Certificate[];
  readonly serviceItems: readonly string[];
}

/** What the content is checked against: the catalog's requirements, and which scans the applicant uploaded. */
export interface RegistrationContext {
  readonly requirements: ReadonlyMap<string, ItemRequirement>;
  readonly scanBelongsToApplicant: (scanId: string) => boolean;
  readonly now: Date;
}

const REGION = /^\d{6}$/;
const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(value: unknown, field: string, max: number): string {
  const t = String(value ?? '').trim();
  if (!t) throw invalid('REGISTRY.TEXT_REQUIRED', `${field} is required`, field);
  if ([...t].length > max) throw invalid('REGISTRY.TEXT_TOO_LONG', `${field} has at most ${max} characters`, field);
  return t;
}

function contactMustBeReachable(c: Contact, field: string): Contact {
  const name = text(c.name, `${field}.name`, 50);
  const phone = text(c.phone, `${field}.phone`, 20);
  if (!PHONE.test(phone)) throw invalid('REGISTRY.INVALID_PHONE', 'a phone number has 6–20 digits, spaces or dashes', `${field}.phone`);
  const email = c.email === null || c.email === undefined || String(c.email).trim() === '' ? null : String(c.email).trim();
  if (email !== null && (!EMAIL.test(email) || email.length > 200)) throw invalid('REGISTRY.INVALID_EMAIL', 'not an e-mail address', `${field}.email`);
  return { name, phone, email };
}

/**
 * Checks an application in full and returns it normalised. Every refusal names the field by its path in the
 * request (`qualifications.1.validUntil`, `serviceItems.0`), so the firm knows what to correct.
 */
export function registrationMustBeComplete(content: RegistrationContent, context: RegistrationContext): RegistrationContent {
  const name = text(content.name, 'name', 200);
  const creditCode = UnifiedSocialCreditCode.parse(String(content.creditCode ?? ''), 'creditCode').value;
  const legalRepresentative = text(content.legalRepresentative, 'legalRepresentative', 50);
  const region = String(content.region ?? '').trim();
  if (!REGION.test(region)) throw invalid('REGISTRY.INVALID_REGION', 'the region is a 6-digit administrative division code such as 330100', 'region');
  if (!Array.isArray(content.contacts) || content.contacts.length === 0) throw invalid('REGISTRY.CONTACT_REQUIRED', 'give at least one contact', 'contacts');
  const contacts = content.contacts.map((c, i) => contactMustBeReachable(c, `contacts.${i}`));
  if (!Array.isArray(content.qualifications) || content.qualifications.length === 0) {
    throw invalid('REGISTRY.QUALIFICATION_REQUIRED', 'give at least one qualification certificate', 'qualifications');
  }
  const today = beijingDay(context.now);
  const seen = new Set<string>();
  const qualifications = content.qualifications.map((raw, i) => {
    const field = `qualifications.${i}`;
    const c = certificateMustBeWellFormed(raw, field);
    if (seen.has(c.certificateNumber)) throw invalid('REGISTRY.DUPLICATE_CERTIFICATE', `certificate ${c.certificateNumber} is named twice`, `${field}.certificateNumber`);
    seen.add(c.certificateNumber);
    if (c.validUntil < today) throw invalid('REGISTRY.QUALIFICATION_EXPIRED', `certificate ${c.certificateNumber} expired on ${c.validUntil}`, `${field}.validUntil`);
    // A registration is reviewed against the certificate itself: the scan is not optional.
    if (!c.scanId) throw invalid('REGISTRY.SCAN_REQUIRED', 'upload the certificate scan and give its id', `${field}.scanId`);
    if (!context.scanBelongsToApplicant(c.scanId)) throw invalid('REGISTRY.UNKNOWN_SCAN', `no scan ${c.scanId} uploaded by this firm`, `${field}.scanId`);
    return c;
  });
  const serviceItems = offeredItemsMustBeDistinct(Array.isArray(content.serviceItems) ? content.serviceItems : []);
  serviceItems.forEach((code, i) => offeredItemMustBeCovered(code, context.requirements.get(code), qualifications, context.now, `serviceItems.${i}`));
  return { name, creditCode, legalRepresentative, contacts, region, qualifications, serviceItems };
}
