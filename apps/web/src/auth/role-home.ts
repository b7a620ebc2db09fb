import type { Role } from './session';

/** Where each role lands after signing in. */
export function homeOf(role: Role): string {
  switch (role) {
    case 'OWNER':
      return '/owner/projects';
    case 'AGENCY':
      return '/agency';
    case 'ADMIN':
      return '/admin/accounts';
    case 'SUPERVISOR':
      return '/supervisor';
  }
}
