import { forbidden } from '@mkt/shared/kernel';
import type { ConflictOfInterest } from '../conflict-list.value-object';

/** Rule: an agency on the owner's conflict list (回避), or excluded by an objection ruling, cannot take part. */
export function agencyMustNotBeInConflict(agencyId: string, conflicts: readonly ConflictOfInterest[], excluded: readonly { readonly agencyId: string }[]): void {
  if (conflicts.some((c) => c.agencyId === agencyId)) throw forbidden('PROJECTS.AGENCY_IN_CONFLICT', `agency ${agencyId} is on this project's conflict list`);
  if (excluded.some((e) => e.agencyId === agencyId)) throw forbidden('PROJECTS.AGENCY_EXCLUDED', `agency ${agencyId} was excluded from this project by an objection ruling`);
}
