import type { Role } from '../auth/session';
import type { Messages } from '../messages';

export interface NavItem {
  readonly to: string;
  readonly label: (t: Messages) => string;
}

const PUBLIC: readonly NavItem[] = [
  { to: '/', label: (t) => t.navHome },
  { to: '/directory', label: (t) => t.navDirectory },
  { to: '/statistics', label: (t) => t.navStatistics },
  { to: '/verify', label: (t) => t.navVerify },
];

const BY_ROLE: Record<Role, readonly NavItem[]> = {
  OWNER: [
    { to: '/owner/projects', label: (t) => t.navOwnerProjects },
    { to: '/owner/projects/new', label: (t) => t.navPostProject },
  ],
  AGENCY: [
    { to: '/agency', label: (t) => t.navAgencyProjects },
    { to: '/agency/record', label: (t) => t.navAgencyRecord },
    { to: '/agency/registration', label: (t) => t.navRegistration },
  ],
  ADMIN: [
    { to: '/admin/accounts', label: (t) => t.navAccounts },
    { to: '/admin/registrations', label: (t) => t.navRegistrations },
    { to: '/admin/catalog', label: (t) => t.navCatalog },
    { to: '/admin/imports', label: (t) => t.navImports },
  ],
  SUPERVISOR: [
    { to: '/supervisor', label: (t) => t.navSupervision },
    { to: '/supervisor/sanctions', label: (t) => t.navSanctions },
    { to: '/supervisor/log', label: (t) => t.navVerifyLog },
    { to: '/supervisor/collusion', label: (t) => t.navCollusion },
  ],
};

/** Any account may be named to witness a draw (a notary, a deputy), whatever its role. */
const SIGNED_IN: readonly NavItem[] = [{ to: '/observed-draws', label: (t) => t.navObservedDraws }];

/** Public pages for everyone, then the signed-in role's own pages, then those of every account. */
export function navFor(role: Role | null): readonly NavItem[] {
  return role ? [...PUBLIC, ...BY_ROLE[role], ...SIGNED_IN] : PUBLIC;
}
