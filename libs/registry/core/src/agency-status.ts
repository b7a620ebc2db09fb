import { conflict } from '@mkt/shared/kernel';

export type AgencyStatus = 'PENDING' | 'ACTIVE' | 'SUSPENDED' | 'BLACKLISTED' | 'WITHDRAWN';

// Review approves PENDING; supervisors suspend or blacklist; both end back in ACTIVE (or in a suspension still
// running when a blacklisting ends); WITHDRAWN is final.
const ALLOWED: Record<AgencyStatus, readonly AgencyStatus[]> = {
  PENDING: ['ACTIVE', 'WITHDRAWN'],
  ACTIVE: ['SUSPENDED', 'BLACKLISTED', 'WITHDRAWN'],
  SUSPENDED: ['ACTIVE', 'BLACKLISTED', 'WITHDRAWN'],
  BLACKLISTED: ['ACTIVE', 'SUSPENDED'],
  WITHDRAWN: [],
};

export function statusTransitionMustBeAllowed(from: AgencyStatus, to: AgencyStatus): void {
  if (!ALLOWED[from].includes(to)) {
    throw conflict('REGISTRY.STATUS_TRANSITION_NOT_ALLOWED', `an agency cannot go from ${from} to ${to}`, 'status');
  }
}
