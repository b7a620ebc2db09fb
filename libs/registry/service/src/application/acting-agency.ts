import type { AuthenticatedUser } from '@mkt/shared/auth';
import { invalid } from '@mkt/shared/kernel';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The firm an AGENCY user acts for: the organisation in its token, which is the agency's id (a UUID) — the id
 * the firm is registered under once approved (docs/decisions/registration-applicant-identity.md).
 */
export function actingAgencyId(user: AuthenticatedUser): string {
  const org = user.organizationId ?? '';
  if (!UUID.test(org)) {
    throw invalid('REGISTRY.ORGANIZATION_NOT_AN_AGENCY_ID', "the account's organisation is not an agency id (a UUID): ask the operator to correct the account", 'organizationId');
  }
  return org.toLowerCase();
}
