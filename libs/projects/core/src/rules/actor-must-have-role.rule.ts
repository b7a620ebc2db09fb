import { forbidden } from '@mkt/shared/kernel';
import type { Actor } from '../actor';

/** Rule: only the owner organisation's users act for a project's owner. */
export function actorMustOwnProject(actor: Actor, ownerId: string, action: string): void {
  if (actor?.role !== 'OWNER') throw forbidden('PROJECTS.OWNER_ONLY', `only the project owner may ${action}`);
  if (!actor.organizationId || actor.organizationId !== ownerId) throw forbidden('PROJECTS.NOT_PROJECT_OWNER', `only the owner of this project may ${action}`);
}

/** Rule: an agency acts as itself; returns its id. */
export function actorMustBeAgency(actor: Actor, action: string): string {
  if (actor?.role !== 'AGENCY' || !actor.organizationId) throw forbidden('PROJECTS.AGENCY_ONLY', `only an agency may ${action}`);
  return actor.organizationId;
}

/** Rule: objections are ruled on by supervisors; returns the ruling supervisor's user id. */
export function actorMustBeSupervisor(actor: Actor, action: string): string {
  if (actor?.role !== 'SUPERVISOR') throw forbidden('PROJECTS.SUPERVISOR_ONLY', `only a supervisor may ${action}`);
  return actor.userId;
}
