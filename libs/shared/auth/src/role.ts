export const ROLES = ['ADMIN', 'AGENCY', 'OWNER', 'SUPERVISOR'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as the token says. `organizationId` is the agency's or project owner's organisation. */
export interface AuthenticatedUser {
  readonly userId: string;
  readonly role: Role;
  readonly organizationId: string | null;
}
