import { invalid } from '@mkt/shared/kernel';
import type { ConflictOfInterest } from '../conflict-list.value-object';

/** What a round allows: agencies the owner or a ruling excluded are out; where sign-up is required, only those signed up. */
export interface CandidateScreen {
  readonly conflicts: readonly ConflictOfInterest[];
  readonly excluded: readonly { readonly agencyId: string }[];
  /** `null` when every eligible agency may be selected without signing up. */
  readonly signedUp: readonly string[] | null;
}

/** Rule: nobody on the conflict list, nobody a ruling excluded, and (with sign-up) nobody who did not sign up. */
export function candidateMustBeAllowed(agencyId: unknown, screen: CandidateScreen, field: string): string {
  if (typeof agencyId !== 'string' || !agencyId.trim()) throw invalid('PROJECTS.INVALID_SELECTION_RESULT', 'an agency id is required', field);
  if (screen.conflicts.some((c) => c.agencyId === agencyId)) {
    throw invalid('PROJECTS.CANDIDATE_IN_CONFLICT', `agency ${agencyId} is on the project's conflict list`, field);
  }
  if (screen.excluded.some((e) => e.agencyId === agencyId)) {
    throw invalid('PROJECTS.CANDIDATE_EXCLUDED', `agency ${agencyId} was excluded by an objection ruling`, field);
  }
  if (screen.signedUp && !screen.signedUp.includes(agencyId)) {
    throw invalid('PROJECTS.CANDIDATE_NOT_SIGNED_UP', `agency ${agencyId} did not sign up for this project`, field);
  }
  return agencyId;
}
