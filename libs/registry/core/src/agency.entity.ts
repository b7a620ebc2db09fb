import { invalid } from '@mkt/shared/kernel';
import { statusTransitionMustBeAllowed, type AgencyStatus } from './agency-status';
import { UnifiedSocialCreditCode } from './unified-social-credit-code.value-object';

export interface Qualification {
  readonly id: string;
  readonly serviceItemCode: string;
  /** 1 is the highest grade. */
  readonly level: number;
  readonly validFrom: string;
  readonly validUntil: string;
}

export interface AgencyState {
  readonly id: string;
  readonly name: string;
  readonly creditCode: string;
  readonly region: string;
  readonly status: AgencyStatus;
  /** Counts status changes; carried on events so read models can drop a stale one. */
  readonly statusSequence: number;
  readonly qualifications: readonly Qualification[];
}

export type AgencyEvent =
  | { readonly kind: 'registered'; readonly agencyId: string; readonly name: string; readonly creditCode: string; readonly region: string }
  | { readonly kind: 'status-changed'; readonly agencyId: string; readonly from: AgencyStatus; readonly to: AgencyStatus; readonly reason: string; readonly sequence: number }
  | ({ readonly kind: 'qualification-granted'; readonly agencyId: string } & Qualification);

/** An intermediary firm on the marketplace (中介机构). Methods enforce the rules and return what happened. */
export class Agency {
  private constructor(private state: AgencyState) {}

  static register(input: { id: string; name: string; creditCode: string; region: string }): { agency: Agency; event: AgencyEvent } {
    const name = input.name.trim();
    if (!name) throw invalid('REGISTRY.NAME_REQUIRED', 'the firm name is required', 'name');
    const creditCode = UnifiedSocialCreditCode.parse(input.creditCode).value;
    const agency = new Agency({ id: input.id, name, creditCode, region: input.region.trim(), status: 'PENDING', statusSequence: 0, qualifications: [] });
    return { agency, event: { kind: 'registered', agencyId: input.id, name, creditCode, region: agency.state.region } };
  }

  static restore(state: AgencyState): Agency {
    return new Agency(state);
  }

  get snapshot(): AgencyState {
    return this.state;
  }

  changeStatus(to: AgencyStatus, reason: string): AgencyEvent {
    statusTransitionMustBeAllowed(this.state.status, to);
    if (to !== 'ACTIVE' && !reason.trim()) throw invalid('REGISTRY.REASON_REQUIRED', `moving an agency to ${to} needs a reason`, 'reason');
    const from = this.state.status;
    const sequence = this.state.statusSequence + 1;
    this.state = { ...this.state, status: to, statusSequence: sequence };
    return { kind: 'status-changed', agencyId: this.state.id, from, to, reason: reason.trim(), sequence };
  }

  grantQualification(q: Qualification): AgencyEvent {
    if (!Number.isInteger(q.level) || q.level < 1 || q.level > 9) throw invalid('REGISTRY.INVALID_LEVEL', 'a qualification level is a whole number from 1 (highest) to 9', 'level');
    if (q.validUntil < q.validFrom) throw invalid('REGISTRY.INVALID_VALIDITY', 'a qualification cannot end before it starts', 'validUntil');
    if (this.state.qualifications.some((existing) => existing.id === q.id)) throw invalid('REGISTRY.DUPLICATE_QUALIFICATION', `qualification ${q.id} is already recorded`, 'id');
    this.state = { ...this.state, qualifications: [...this.state.qualifications, q] };
    return { kind: 'qualification-granted', agencyId: this.state.id, ...q };
  }
}
