export const AGENCY_STATUSES = ['PENDING', 'ACTIVE', 'SUSPENDED', 'BLACKLISTED', 'WITHDRAWN'] as const;
export type AgencyStatusName = (typeof AGENCY_STATUSES)[number];
