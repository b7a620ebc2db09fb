export const ACCOUNT_ROLES = ['ADMIN', 'AGENCY', 'OWNER', 'SUPERVISOR'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** Roles a person may sign up for themselves; ADMIN and SUPERVISOR accounts are made by an ADMIN. */
export const SELF_SIGN_UP_ROLES: readonly AccountRole[] = ['AGENCY', 'OWNER'];

/** Roles that act for an organisation (an agency, a project owner) and so carry its id in their token. */
export const ORGANISATION_ROLES: readonly AccountRole[] = ['AGENCY', 'OWNER'];

export const ACCOUNT_STATUSES = ['PENDING', 'ACTIVE', 'DISABLED'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
