/**
 * Who acts, as the caller's token says. Structurally the same as `AuthenticatedUser` in `@mkt/shared/auth`
 * (which a domain core may not import): `organizationId` is the agency or the owner organisation.
 */
export type ActorRole = 'ADMIN' | 'AGENCY' | 'OWNER' | 'SUPERVISOR';

export interface Actor {
  readonly userId: string;
  readonly role: ActorRole;
  readonly organizationId: string | null;
}
