import { conflict } from '@mkt/shared/kernel';

export type ProjectStatus =
  | 'DRAFT'
  | 'PUBLISHED'
  | 'SELECTING'
  | 'PUBLICITY'
  | 'AWARDED'
  | 'CONTRACTED'
  | 'COMPLETED'
  | 'EVALUATED'
  | 'FAILED'
  | 'CANCELLED';

/**
 * The lifecycle. PUBLICITY → SELECTING is an upheld objection (a new round); FAILED → PUBLISHED is a repost
 * (a new round). Cancellation is the owner's only before selection starts, or after a round has failed.
 */
export const PROJECT_TRANSITIONS: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  DRAFT: ['PUBLISHED', 'CANCELLED'],
  PUBLISHED: ['SELECTING', 'FAILED', 'CANCELLED'],
  SELECTING: ['PUBLICITY', 'FAILED'],
  PUBLICITY: ['AWARDED', 'SELECTING', 'FAILED'],
  AWARDED: ['CONTRACTED', 'FAILED'],
  CONTRACTED: ['COMPLETED'],
  COMPLETED: ['EVALUATED'],
  EVALUATED: [],
  FAILED: ['PUBLISHED', 'CANCELLED'],
  CANCELLED: [],
};

/** Rule: an action happens only in the statuses that allow it. */
export function projectMustBeIn(status: ProjectStatus, allowed: readonly ProjectStatus[], action: string): void {
  if (!allowed.includes(status)) {
    throw conflict('PROJECTS.WRONG_STATUS', `cannot ${action} while the project is ${status} (only when ${allowed.join(' or ')})`, 'status');
  }
}

/** Rule: the aggregate never makes a move outside the lifecycle. */
export function statusTransitionMustBeAllowed(from: ProjectStatus, to: ProjectStatus): void {
  if (!PROJECT_TRANSITIONS[from].includes(to)) {
    throw conflict('PROJECTS.STATUS_TRANSITION_NOT_ALLOWED', `a project cannot go from ${from} to ${to}`, 'status');
  }
}
