import { conflict, invalid } from '@mkt/shared/kernel';
import { statusTransitionMustBeAllowed, type AgencyStatus } from './agency-status';
import { parseSanctionInstant, sanctionIsOutstanding, sanctionPeriodMustBeValid, statusUnderSanctions, type Sanction, type SanctionKind } from './sanction';
import { UnifiedSocialCreditCode } from './unified-social-credit-code.value-object';
import { itemQualificationId, offeredItemMustBeCovered, offeredItemsMustBeDistinct, type Certificate, type ItemRequirement } from './certificate.value-object';
import { qualificationCountsAt, qualificationHasExpiredAt } from './qualification-expiry.rule';

export interface Qualification {
  readonly id: string;
  readonly serviceItemCode: string;
  /** 1 is the highest grade. */
  readonly level: number;
  readonly validFrom: string;
  readonly validUntil: string;
  /** The certificate it was granted from, when the firm registered it (null for operator-entered ones). */
  readonly certificateNumber?: string | null;
  /** When the expiry deadline recorded that it stopped counting; null while it counts. */
  readonly expiredAt?: string | null;
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
  readonly sanctions: readonly Sanction[];
  /** The catalog items the firm offers (one of its certificates covers each). */
  readonly serviceItems: readonly string[];
  /** Counts changes of the offered items; carried on the event so read models drop a stale list. */
  readonly serviceItemsSequence: number;
  readonly certificates: readonly Certificate[];
}

const SANCTIONABLE: readonly AgencyStatus[] = ['ACTIVE', 'SUSPENDED', 'BLACKLISTED'];

export type AgencyEvent =
  | { readonly kind: 'registered'; readonly agencyId: string; readonly name: string; readonly creditCode: string; readonly region: string }
  | { readonly kind: 'status-changed'; readonly agencyId: string; readonly from: AgencyStatus; readonly to: AgencyStatus; readonly reason: string; readonly sequence: number }
  | ({ readonly kind: 'qualification-granted'; readonly agencyId: string } & Qualification)
  | { readonly kind: 'sanction-imposed'; readonly agencyId: string; readonly sanction: Sanction }
  | { readonly kind: 'sanction-lifted'; readonly agencyId: string; readonly sanctionId: string; readonly reason: string }
  | {
      readonly kind: 'service-items-changed';
      readonly agencyId: string;
      readonly serviceItems: readonly string[];
      readonly added: readonly string[];
      readonly removed: readonly string[];
      readonly sequence: number;
    }
  | { readonly kind: 'qualification-expired'; readonly agencyId: string; readonly qualificationId: string; readonly serviceItemCode: string; readonly validUntil: string; readonly expiredAt: string };

/** An intermediary firm on the marketplace (中介机构). Methods enforce the rules and return what happened. */
export class Agency {
  private constructor(private state: AgencyState) {}

  static register(input: { id: string; name: string; creditCode: string; region: string }): { agency: Agency; event: AgencyEvent } {
    const name = input.name.trim();
    if (!name) throw invalid('REGISTRY.NAME_REQUIRED', 'the firm name is required', 'name');
    const creditCode = UnifiedSocialCreditCode.parse(input.creditCode).value;
    const agency = new Agency({ id: input.id, name, creditCode, region: input.region.trim(), status: 'PENDING', statusSequence: 0, qualifications: [], sanctions: [], serviceItems: [], serviceItemsSequence: 0, certificates: [] });
    return { agency, event: { kind: 'registered', agencyId: input.id, name, creditCode, region: agency.state.region } };
  }

  static restore(state: AgencyState): Agency {
    return new Agency(state);
  }

  get snapshot(): AgencyState {
    return this.state;
  }

  /** Approval and withdrawal; suspension and blacklisting go through `impose`, which needs a period. */
  changeStatus(to: AgencyStatus, reason: string): AgencyEvent {
    if (to === 'SUSPENDED' || to === 'BLACKLISTED') throw invalid('REGISTRY.SANCTION_NEEDS_PERIOD', `${to} is a sanction: it needs a period`, 'until');
    // Reinstatement must end the sanctions too, or their scheduled starts and ends would undo it.
    if (to === 'ACTIVE' && (this.state.status === 'SUSPENDED' || this.state.status === 'BLACKLISTED')) {
      throw conflict('REGISTRY.LIFT_SANCTIONS_INSTEAD', 'a suspended or blacklisted agency is reinstated by lifting its sanctions', 'status');
    }
    return this.moveTo(to, reason);
  }

  /**
   * A supervisor's suspension or blacklisting from `from` (default now) until `until`. It takes effect at once
   * when it has started, otherwise when the scheduler reaches its start; it ends by itself at `until`.
   */
  impose(input: { id: string; kind: SanctionKind; reason: string; from?: string | null; until: string | null }, now: Date): AgencyEvent[] {
    if (!SANCTIONABLE.includes(this.state.status)) {
      throw conflict('REGISTRY.NOT_SANCTIONABLE', `an agency that is ${this.state.status} cannot be suspended or blacklisted`, 'status');
    }
    const reason = input.reason.trim();
    if (!reason) throw invalid('REGISTRY.REASON_REQUIRED', 'a sanction needs a reason', 'reason');
    if (!input.until) throw invalid('REGISTRY.SANCTION_NEEDS_PERIOD', 'a sanction needs the instant it ends (until)', 'until');
    const at = now.toISOString();
    const startsAt = input.from ? parseSanctionInstant(input.from, 'from') : at;
    const endsAt = parseSanctionInstant(input.until, 'until');
    sanctionPeriodMustBeValid(startsAt, endsAt, at);
    const sanction: Sanction = { id: input.id, kind: input.kind, reason, startsAt, endsAt, imposedAt: at, liftedAt: null, liftReason: null };
    this.state = { ...this.state, sanctions: [...this.state.sanctions, sanction] };
    return [{ kind: 'sanction-imposed', agencyId: this.state.id, sanction }, ...this.followSanctions(now)];
  }

  /** A supervisor ends every outstanding sanction early (an objection upheld, a mistake corrected), with a reason. */
  liftSanctions(reason: string, now: Date): AgencyEvent[] {
    const why = reason.trim();
    if (!why) throw invalid('REGISTRY.REASON_REQUIRED', 'lifting a sanction needs a reason', 'reason');
    const at = now.toISOString();
    const outstanding = this.state.sanctions.filter((s) => sanctionIsOutstanding(s, at));
    if (!SANCTIONABLE.includes(this.state.status) || (outstanding.length === 0 && this.state.status === 'ACTIVE')) {
      throw conflict('REGISTRY.NOTHING_TO_LIFT', `an agency that is ${this.state.status} has no sanction to lift`, 'status');
    }
    this.state = { ...this.state, sanctions: this.state.sanctions.map((s) => (outstanding.includes(s) ? { ...s, liftedAt: at, liftReason: why } : s)) };
    const lifted: AgencyEvent[] = outstanding.map((s) => ({ kind: 'sanction-lifted', agencyId: this.state.id, sanctionId: s.id, reason: why }));
    return [...lifted, ...this.followSanctions(now, `sanction lifted: ${why}`)];
  }

  /**
   * Brings the status in line with the sanctions in force at `now`: run when a sanction starts or ends. Does
   * nothing for a firm under review or withdrawn, or when the status already matches, so a late or repeated run is harmless.
   */
  followSanctions(now: Date, endedReason = 'sanction period ended'): AgencyEvent[] {
    if (!SANCTIONABLE.includes(this.state.status)) return [];
    const { status, cause } = statusUnderSanctions(this.state.sanctions, now.toISOString());
    if (status === this.state.status) return [];
    return [this.moveTo(status, cause ? cause.reason : endedReason)];
  }

  private moveTo(to: AgencyStatus, reason: string): AgencyEvent {
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

  /** Records a certificate the firm holds (checked by the reviewer against its scan); it grants nothing by itself. */
  holdCertificate(certificate: Certificate): void {
    if (this.state.certificates.some((c) => c.certificateNumber === certificate.certificateNumber)) {
      throw invalid('REGISTRY.DUPLICATE_CERTIFICATE', `certificate ${certificate.certificateNumber} is already recorded for this firm`, 'certificateNumber');
    }
    this.state = { ...this.state, certificates: [...this.state.certificates, certificate] };
  }

  /**
   * Sets the items the firm offers. Each must be an ACTIVE catalog item that a current certificate covers; an
   * item newly offered without a current qualification for it gets one granted from the covering certificate,
   * so draw and bidding can pick the firm for it. Returns nothing when the list is unchanged.
   */
  offerServiceItems(codes: readonly string[], requirements: ReadonlyMap<string, ItemRequirement>, now: Date, field = 'serviceItems'): AgencyEvent[] {
    if (this.state.status === 'WITHDRAWN') throw conflict('REGISTRY.AGENCY_WITHDRAWN', 'a withdrawn agency offers nothing', 'status');
    const offered = offeredItemsMustBeDistinct(codes, field);
    // A current item-level qualification at the item's level (granted earlier, or by the operator directly) covers
    // the item by itself; otherwise a certificate must, and a qualification is granted from it.
    const covering = offered.map((code, i) => {
      const requirement = requirements.get(code);
      const held = requirement?.active && this.state.qualifications.some((q) => q.serviceItemCode === code && q.level <= requirement.minimumLevel && !q.expiredAt && qualificationCountsAt(q, now));
      return held ? null : offeredItemMustBeCovered(code, requirement, this.state.certificates, now, `${field}.${i}`);
    });
    const before = this.state.serviceItems;
    const added = offered.filter((c) => !before.includes(c));
    const removed = before.filter((c) => !offered.includes(c));
    if (added.length === 0 && removed.length === 0) return [];
    const events: AgencyEvent[] = [];
    offered.forEach((code, i) => {
      const c = covering[i];
      if (!c) return;
      const id = itemQualificationId(this.state.id, c.certificateNumber, code);
      if (this.state.qualifications.some((q) => q.id === id)) return;
      events.push(this.grantQualification({ id, serviceItemCode: code, level: c.level, validFrom: c.validFrom, validUntil: c.validUntil, certificateNumber: c.certificateNumber, expiredAt: null }));
    });
    const sequence = this.state.serviceItemsSequence + 1;
    this.state = { ...this.state, serviceItems: offered, serviceItemsSequence: sequence };
    events.push({ kind: 'service-items-changed', agencyId: this.state.id, serviceItems: offered, added, removed, sequence });
    return events;
  }

  /**
   * Marks every qualification whose end date has passed at `now` as expired, once. Run by the expiry deadline;
   * a repeated or late run records nothing new.
   */
  expireQualifications(now: Date): AgencyEvent[] {
    const at = now.toISOString();
    const expiring = this.state.qualifications.filter((q) => !q.expiredAt && qualificationHasExpiredAt(q, now));
    if (expiring.length === 0) return [];
    this.state = { ...this.state, qualifications: this.state.qualifications.map((q) => (expiring.includes(q) ? { ...q, expiredAt: at } : q)) };
    return expiring.map((q) => ({ kind: 'qualification-expired', agencyId: this.state.id, qualificationId: q.id, serviceItemCode: q.serviceItemCode, validUntil: q.validUntil, expiredAt: at }));
  }

  /** The qualifications that count for eligibility at `now`. */
  currentQualifications(now: Date): Qualification[] {
    return this.state.qualifications.filter((q) => !q.expiredAt && qualificationCountsAt(q, now));
  }
}
