import { entropySourceOf, type EntropySource, type ProjectState, type ProjectStatus } from '@mkt/projects/core';

/** Who moves a project on from where it stands. MARKETPLACE: a deadline or the draw / bidding service. */
export type NextActor = 'OWNER' | 'AGENCY' | 'SUPERVISOR' | 'MARKETPLACE';

export type NextActionKind =
  | 'PUBLISH'
  | 'AWAIT_SIGN_UP_CLOSE'
  | 'REQUEST_SELECTION'
  | 'SELECT_DIRECTLY'
  | 'AWAIT_BIDS'
  | 'AWAIT_WITNESSES'
  | 'AWAIT_BEACON'
  | 'AWAIT_PUBLICITY_END'
  | 'AWAIT_OBJECTION_RULING'
  | 'AWAIT_WINNER_RESPONSE'
  | 'RECORD_CONTRACT'
  | 'RECORD_COMPLETION'
  | 'EVALUATE'
  | 'REPOST_OR_CANCEL';

export interface NextAction {
  readonly kind: NextActionKind;
  readonly by: NextActor;
  /** When the step is due or happens by itself (ISO instant or, for a service due date, a calendar date). */
  readonly due: string | null;
}

/**
 * What the project waits for, read off its state alone, so the owner's list can say "yours to do" without the
 * client knowing the lifecycle. Null once nothing is left (evaluated, cancelled).
 */
export function nextActionOf(s: ProjectState): NextAction | null {
  const owner = (kind: NextActionKind, due: string | null = null): NextAction => ({ kind, by: 'OWNER', due });
  switch (s.status) {
    case 'DRAFT':
      return owner('PUBLISH');
    case 'PUBLISHED':
      return s.terms.signUp.mode === 'WINDOW' ? { kind: 'AWAIT_SIGN_UP_CLOSE', by: 'MARKETPLACE', due: s.terms.signUp.closesAt } : owner('REQUEST_SELECTION');
    case 'SELECTING':
      if (s.terms.selection.method === 'DIRECT_SELECTION') return owner('SELECT_DIRECTLY');
      if (s.terms.selection.method === 'BIDDING') return { kind: 'AWAIT_BIDS', by: 'MARKETPLACE', due: s.terms.selection.bidDeadline };
      // Whether the owner has entered its witness value is the draw service's to know; the list says what the draw waits for.
      return { kind: entropySourceOf(s.terms.selection) === 'drand' ? 'AWAIT_BEACON' : 'AWAIT_WITNESSES', by: 'MARKETPLACE', due: null };
    case 'PUBLICITY': {
      const pending = s.objections.some((o) => o.round === s.round && o.status === 'PENDING');
      return pending ? { kind: 'AWAIT_OBJECTION_RULING', by: 'SUPERVISOR', due: null } : { kind: 'AWAIT_PUBLICITY_END', by: 'MARKETPLACE', due: s.selection?.publicityEndsAt ?? null };
    }
    case 'AWARDED': {
      const waiting = s.seats.filter((seat) => !seat.acceptedAt).map((seat) => seat.respondBy).sort();
      return waiting.length > 0 ? { kind: 'AWAIT_WINNER_RESPONSE', by: 'AGENCY', due: waiting[0] } : owner('RECORD_CONTRACT');
    }
    case 'CONTRACTED': {
      const due = s.seats.flatMap((seat) => (seat.contract && !seat.completion ? [seat.contract.dueDate] : [])).sort();
      return owner('RECORD_COMPLETION', due[0] ?? null);
    }
    case 'COMPLETED':
      return owner('EVALUATE');
    case 'FAILED':
      return owner('REPOST_OR_CANCEL');
    case 'EVALUATED':
    case 'CANCELLED':
      return null;
  }
}

export interface OwnerProjectItem {
  readonly id: string;
  readonly title: string;
  readonly serviceItemCode: string;
  readonly method: string;
  /** A draw's entropy source; null for bidding and direct selection. */
  readonly entropySource: EntropySource | null;
  readonly status: ProjectStatus;
  readonly round: number;
  readonly budgetCapFen: number;
  readonly region: string;
  readonly draftedAt: string;
  readonly publishedAt: string | null;
  readonly updatedAt: string;
  /** Sign-ups of the current round. */
  readonly signUpCount: number;
  readonly pendingObjections: number;
  readonly nextAction: NextAction | null;
}

export function ownerProjectItemOf(s: ProjectState, updatedAt: string): OwnerProjectItem {
  return {
    id: s.id,
    title: s.terms.title,
    serviceItemCode: s.terms.serviceItemCode,
    method: s.terms.selection.method,
    entropySource: entropySourceOf(s.terms.selection),
    status: s.status,
    round: s.round,
    budgetCapFen: s.terms.budgetCapFen,
    region: s.terms.region,
    draftedAt: s.draftedAt,
    publishedAt: s.publishedAt,
    updatedAt,
    signUpCount: s.signUps.length,
    pendingObjections: s.objections.filter((o) => o.status === 'PENDING').length,
    nextAction: nextActionOf(s),
  };
}
