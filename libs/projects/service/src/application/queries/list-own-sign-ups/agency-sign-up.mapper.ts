import { entropySourceOf, type EntropySource, type ProjectState, type ProjectStatus, type SignUpRule } from '@mkt/projects/core';

/**
 * How the agency fares. A sign-up stays in the pool across an upheld objection's new round, and leaves it when
 * withdrawn, when an amendment drops it (DROPPED: a declared conflict, or sign-up no longer required) or when a
 * failed round is reposted (its sign-ups end with that round: NOT_SELECTED). ALTERNATE: next in line (候补).
 */
export type SignUpOutcome = 'PENDING' | 'SELECTED' | 'ALTERNATE' | 'NOT_SELECTED' | 'DROPPED' | 'WITHDRAWN';

/** The agency's latest sign-up event for one project, from the project's history. */
export interface SignUpRecord {
  readonly round: number;
  readonly signedUpAt: string;
  /** Set when the latest event is a withdrawal. */
  readonly withdrawnAt: string | null;
}

export interface AgencySignUpItem {
  readonly projectId: string;
  readonly title: string;
  readonly serviceItemCode: string;
  readonly method: string;
  /** A draw's entropy source; null for bidding and direct selection. */
  readonly entropySource: EntropySource | null;
  readonly projectStatus: ProjectStatus;
  /** The project's current round; the sign-up's own round may be an earlier one. */
  readonly projectRound: number;
  readonly signUpRule: SignUpRule;
  readonly signUp: SignUpRecord;
  readonly outcome: SignUpOutcome;
  readonly selected: boolean;
  /** The agency's place after the award: answer by `respondBy`; `acceptedAt` once it accepted. */
  readonly award: { readonly respondBy: string; readonly acceptedAt: string | null } | null;
  readonly publicityEndsAt: string | null;
}

export function agencySignUpItemOf(s: ProjectState, agencyId: string, signUp: SignUpRecord): AgencySignUpItem {
  const inPool = !signUp.withdrawnAt && s.signUps.some((x) => x.agencyId === agencyId);
  const outcome = outcomeOf(s, agencyId, signUp, inPool);
  const seat = inPool ? s.seats.find((x) => x.agencyId === agencyId) : undefined;
  return {
    projectId: s.id,
    title: s.terms.title,
    serviceItemCode: s.terms.serviceItemCode,
    method: s.terms.selection.method,
    entropySource: entropySourceOf(s.terms.selection),
    projectStatus: s.status,
    projectRound: s.round,
    signUpRule: s.terms.signUp,
    signUp,
    outcome,
    selected: outcome === 'SELECTED',
    award: seat ? { respondBy: seat.respondBy, acceptedAt: seat.acceptedAt } : null,
    publicityEndsAt: inPool ? (s.selection?.publicityEndsAt ?? null) : null,
  };
}

function outcomeOf(s: ProjectState, agencyId: string, signUp: SignUpRecord, inPool: boolean): SignUpOutcome {
  if (signUp.withdrawnAt) return 'WITHDRAWN';
  if (!inPool) return signUp.round === s.round ? 'DROPPED' : 'NOT_SELECTED';
  // A winner who later declined was still selected; a successor holding the seat now is selected too.
  if (s.selection?.winners.some((w) => w.agencyId === agencyId) || s.seats.some((x) => x.agencyId === agencyId)) return 'SELECTED';
  if (s.selection?.succession.some((c) => c.agencyId === agencyId)) return 'ALTERNATE';
  return s.status === 'PUBLISHED' || s.status === 'SELECTING' ? 'PENDING' : 'NOT_SELECTED';
}
