import { conflict, forbidden, invalid } from '@mkt/shared/kernel';
import type { RegistrationContent } from './registration-content';

/**
 * SUBMITTED waits for an ADMIN; CHANGES_REQUESTED waits for the firm to edit and resubmit; APPROVED and
 * REJECTED are final (a rejected firm may apply again with a new application).
 */
export type RegistrationStatus = 'SUBMITTED' | 'CHANGES_REQUESTED' | 'APPROVED' | 'REJECTED';
export type RegistrationAction = 'SUBMITTED' | 'RESUBMITTED' | 'CHANGES_REQUESTED' | 'APPROVED' | 'REJECTED';

export interface RegistrationStep {
  readonly sequence: number;
  readonly action: RegistrationAction;
  readonly actorUserId: string;
  readonly reason: string | null;
  /** The revision of the content the step concerns. */
  readonly revision: number;
  readonly at: string;
}

export interface RegistrationApplicationState {
  readonly id: string;
  /** The applicant's organisation from its token: the id the firm will have once approved. */
  readonly agencyId: string;
  readonly status: RegistrationStatus;
  readonly content: RegistrationContent;
  /** 1 on submission, +1 on every resubmission. */
  readonly revision: number;
  readonly history: readonly RegistrationStep[];
}

export type RegistrationEvent =
  | { readonly kind: 'approved'; readonly applicationId: string; readonly agencyId: string; readonly revision: number }
  | { readonly kind: 'rejected'; readonly applicationId: string; readonly agencyId: string; readonly reason: string; readonly revision: number };

export const OPEN_REGISTRATION_STATUSES: readonly RegistrationStatus[] = ['SUBMITTED', 'CHANGES_REQUESTED'];

function reasonMustBeGiven(reason: string | null | undefined, what: string): string {
  const r = String(reason ?? '').trim();
  if (!r) throw invalid('REGISTRY.REASON_REQUIRED', `${what} needs a reason the firm can act on`, 'reason');
  if ([...r].length > 2000) throw invalid('REGISTRY.TEXT_TOO_LONG', 'a reason has at most 2000 characters', 'reason');
  return r;
}

/** A firm's application to join the marketplace and its review (入驻审核), with every step on record. */
export class RegistrationApplication {
  private constructor(private state: RegistrationApplicationState) {}

  /** `content` must already have passed `registrationMustBeComplete`. */
  static submit(input: { id: string; agencyId: string; content: RegistrationContent; actorUserId: string; now: Date }): RegistrationApplication {
    return new RegistrationApplication({
      id: input.id,
      agencyId: input.agencyId,
      status: 'SUBMITTED',
      content: input.content,
      revision: 1,
      history: [{ sequence: 1, action: 'SUBMITTED', actorUserId: input.actorUserId, reason: null, revision: 1, at: input.now.toISOString() }],
    });
  }

  static restore(state: RegistrationApplicationState): RegistrationApplication {
    return new RegistrationApplication(state);
  }

  get snapshot(): RegistrationApplicationState {
    return this.state;
  }

  /** Only the applicant's organisation edits its application. */
  applicantMustBe(organizationId: string | null): void {
    if (organizationId !== this.state.agencyId) throw forbidden('REGISTRY.NOT_YOUR_APPLICATION', 'only the applying firm may change its application');
  }

  /** The firm's corrected content after a request for changes; `content` already checked. */
  resubmit(content: RegistrationContent, actorUserId: string, now: Date): void {
    this.statusMustBe('CHANGES_REQUESTED', 'resubmitted');
    const revision = this.state.revision + 1;
    this.state = { ...this.state, status: 'SUBMITTED', content, revision };
    this.record('RESUBMITTED', actorUserId, null, now);
  }

  requestChanges(reason: string, actorUserId: string, now: Date): void {
    const why = reasonMustBeGiven(reason, 'asking for changes');
    this.statusMustBe('SUBMITTED', 'sent back for changes');
    this.state = { ...this.state, status: 'CHANGES_REQUESTED' };
    this.record('CHANGES_REQUESTED', actorUserId, why, now);
  }

  /** Also while the firm is asked for changes: an application it never corrects must not hold its credit code forever. */
  reject(reason: string, actorUserId: string, now: Date): RegistrationEvent {
    const why = reasonMustBeGiven(reason, 'a rejection');
    if (!OPEN_REGISTRATION_STATUSES.includes(this.state.status)) this.statusMustBe('SUBMITTED', 'rejected');
    this.state = { ...this.state, status: 'REJECTED' };
    this.record('REJECTED', actorUserId, why, now);
    return { kind: 'rejected', applicationId: this.state.id, agencyId: this.state.agencyId, reason: why, revision: this.state.revision };
  }

  /** The caller registers the firm from `snapshot.content` in the same transaction. */
  approve(note: string | null, actorUserId: string, now: Date): RegistrationEvent {
    this.statusMustBe('SUBMITTED', 'approved');
    this.state = { ...this.state, status: 'APPROVED' };
    this.record('APPROVED', actorUserId, String(note ?? '').trim() || null, now);
    return { kind: 'approved', applicationId: this.state.id, agencyId: this.state.agencyId, revision: this.state.revision };
  }

  private statusMustBe(expected: RegistrationStatus, what: string): void {
    if (this.state.status !== expected) {
      throw conflict('REGISTRY.APPLICATION_NOT_REVIEWABLE', `an application that is ${this.state.status} cannot be ${what}`, 'status');
    }
  }

  private record(action: RegistrationAction, actorUserId: string, reason: string | null, now: Date): void {
    const step: RegistrationStep = { sequence: this.state.history.length + 1, action, actorUserId, reason, revision: this.state.revision, at: now.toISOString() };
    this.state = { ...this.state, history: [...this.state.history, step] };
  }
}
