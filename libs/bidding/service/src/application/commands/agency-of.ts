import type { AuthenticatedUser } from '@mkt/shared/auth';
import { forbidden } from '@mkt/shared/kernel';

/** The agency an AGENCY user acts for: its token's organisation. Bids are always the caller's own. */
export function agencyOf(actor: AuthenticatedUser): string {
  if (actor.role !== 'AGENCY' || !actor.organizationId) throw forbidden('AUTH.AGENCY_ONLY', 'only an agency user acts on its own bids');
  return actor.organizationId;
}
