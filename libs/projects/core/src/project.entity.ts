import { conflict, forbidden, invalid, notFound } from '@mkt/shared/kernel';
import type { Actor } from './actor';
import { MAX_ATTACHMENTS, type Attachment } from './attachment.value-object';
import type { PostingContext } from './catalog-item.value-object';
import { parseConflictList, type ConflictOfInterest, type ConflictOfInterestInput } from './conflict-list.value-object';
import { calendarDateAt, instantOf, isBefore, parseCalendarDate, plusHours } from './instant.value-object';
import { positiveFen } from './money.value-object';
import type { FailureReason, ProjectEvent, SelectionRequest, SelectionRequestReason } from './project.event';
import { projectPolicyMustBeSound, type ProjectPolicy } from './project-policy';
import { projectMustBeIn, statusTransitionMustBeAllowed, type ProjectStatus } from './project-status';
import { announcedTermChanges, changedTermFields, mergeTerms, parseProjectTerms, type ProjectTerms, type ProjectTermsInput } from './project-terms.value-object';
import { actorMustBeAgency, actorMustBeSupervisor, actorMustOwnProject } from './rules/actor-must-have-role.rule';
import { agencyMustNotBeInConflict } from './rules/agency-must-not-be-in-conflict.rule';
import { amendmentMustExtendSignUp } from './rules/amendment-must-extend-sign-up.rule';
import { bidDeadlineMustBeAhead, biddingResultMustFollowDeadline } from './rules/bid-deadline-must-be-ahead.rule';
import { candidateMustBeAllowed, type CandidateScreen } from './rules/candidate-must-be-allowed.rule';
import { candidatesMustReachMinimum } from './rules/candidates-must-reach-minimum.rule';
import { completionMustFallBetweenStartAndToday } from './rules/completion-must-fall-between-start-and-today.rule';
import { contractAmountMustNotExceedCeiling, contractCeilingFen, contractMustNotStartBeforeAward } from './rules/contract-must-fit-award.rule';
import { objectionMustBeFiledDuringPublicity, publicityMustBeOver } from './rules/objection-must-be-filed-during-publicity.rule';
import { observersMustNotIncludeActor } from './rules/observer-must-not-be-the-poster.rule';
import { poorEvaluationMustGiveReason } from './rules/poor-evaluation-must-give-reason.rule';
import { selectionResultMustFitRound } from './rules/selection-result-must-fit-round.rule';
import { signUpMustBeWithinWindow, signUpMustHaveClosed } from './rules/sign-up-must-be-within-window.rule';
import { signUpWindowMustBeLongEnough } from './rules/sign-up-window-must-be-long-enough.rule';
import { winnerMustRespondBeforeDeadline } from './rules/winner-must-respond-before-deadline.rule';
import type { Candidate, Quote, SelectionResult, SelectionSource } from './selection-result.value-object';
import { readServiceClock, serviceDueDate } from './service-clock.value-object';
import { optionalText, requiredText, wholeNumberIn } from './text';

export interface SignUp {
  readonly agencyId: string;
  readonly at: string;
}

export type ObjectionStatus = 'PENDING' | 'UPHELD' | 'DISMISSED' | 'MOOT';

export interface Objection {
  readonly id: string;
  readonly round: number;
  readonly agencyId: string;
  readonly grounds: string;
  readonly filedAt: string;
  readonly status: ObjectionStatus;
  /** Set when a supervisor rules; a MOOT objection has none (the selection it concerned was voided). */
  readonly ruling: { readonly supervisorId: string; readonly reason: string; readonly at: string } | null;
}

/** The current round's selection, as published for the publicity period. */
export interface SelectionOutcome {
  readonly round: number;
  readonly source: SelectionSource;
  readonly winners: readonly Candidate[];
  readonly succession: readonly Candidate[];
  readonly recordedAt: string;
  readonly publicityEndsAt: string;
}

/** A winner's place, from the award to the evaluation. A decline hands the place to the next in line. */
export interface Seat {
  readonly agencyId: string;
  readonly quote: Quote | null;
  readonly respondBy: string;
  readonly acceptedAt: string | null;
  readonly contract: { readonly amountFen: number; readonly startDate: string; readonly dueDate: string; readonly recordedAt: string } | null;
  readonly completion: {
    readonly completionDate: string;
    readonly daysTaken: number;
    readonly daysLate: number;
    readonly onTime: boolean;
    readonly recordedAt: string;
  } | null;
  readonly evaluation: { readonly quality: number; readonly feeCompliant: boolean; readonly comment: string; readonly at: string } | null;
}

export interface ProjectState {
  readonly id: string;
  readonly ownerId: string;
  readonly status: ProjectStatus;
  /** 0 while a draft; 1 from publication; each repost or upheld objection starts the next. */
  readonly round: number;
  readonly terms: ProjectTerms;
  readonly policy: ProjectPolicy;
  readonly draftedAt: string;
  readonly publishedAt: string | null;
  readonly amendments: number;
  /** Documents announced with the project: attached to the draft, or added by an amendment. */
  readonly attachments: readonly Attachment[];
  /** Sign-ups of the current round, in the order they came. */
  readonly signUps: readonly SignUp[];
  /** Agencies excluded by upheld objections, for every later round of this project. */
  readonly exclusions: readonly (ConflictOfInterest & { readonly objectionId: string })[];
  readonly selection: SelectionOutcome | null;
  /** Objections of every round. */
  readonly objections: readonly Objection[];
  readonly awardedAt: string | null;
  readonly seats: readonly Seat[];
  /** Who is next in line after a decline: the remaining alternates or valid bids, in order. */
  readonly successors: readonly Candidate[];
  readonly declines: readonly { readonly round: number; readonly agencyId: string; readonly cause: 'DECLINED' | 'NO_RESPONSE'; readonly at: string }[];
  readonly failure: { readonly round: number; readonly reason: FailureReason; readonly at: string } | null;
  readonly cancellation: { readonly from: ProjectStatus; readonly reason: string; readonly at: string } | null;
}

type Step = { readonly state: ProjectState; readonly events: readonly ProjectEvent[] };

function moved(state: ProjectState, to: ProjectStatus, patch: Partial<ProjectState> = {}): ProjectState {
  statusTransitionMustBeAllowed(state.status, to);
  return { ...state, ...patch, status: to };
}

function failRound(state: ProjectState, reason: FailureReason, required: number, actual: number, at: string, source?: SelectionSource): Step {
  const next = moved(state, 'FAILED', { failure: { round: state.round, reason, at } });
  return { state: next, events: [{ kind: 'round-failed', projectId: state.id, at, round: state.round, reason, required, actual, ...(source ? { source } : {}) }] };
}

function screenOf(state: ProjectState): CandidateScreen {
  return {
    conflicts: state.terms.conflicts,
    excluded: state.exclusions,
    signedUp: state.terms.signUp.mode === 'WINDOW' ? state.signUps.map((s) => s.agencyId) : null,
  };
}

/** Moves to SELECTING (or fails the round if too few signed-up candidates remain) and says what selection needs. */
function startSelection(state: ProjectState, reason: SelectionRequestReason, at: string, patch: Partial<ProjectState> = {}): Step {
  const { terms } = state;
  const isExcluded = (agencyId: string) => terms.conflicts.some((c) => c.agencyId === agencyId) || state.exclusions.some((e) => e.agencyId === agencyId);
  const candidates: SelectionRequest['candidates'] =
    terms.signUp.mode === 'WINDOW' ? { mode: 'SIGNED_UP', agencyIds: state.signUps.map((s) => s.agencyId).filter((id) => !isExcluded(id)) } : { mode: 'ALL_ELIGIBLE' };
  if (candidates.mode === 'SIGNED_UP') {
    const shortfall = candidatesMustReachMinimum(candidates.agencyIds.length, terms.selection);
    if (shortfall) return failRound({ ...state, ...patch }, 'TOO_FEW_SIGN_UPS', shortfall.required, shortfall.actual, at);
  }
  const next = moved(state, 'SELECTING', patch);
  const request: SelectionRequest = {
    round: next.round,
    reason,
    ownerId: state.ownerId,
    serviceItemCode: terms.serviceItemCode,
    requiredLevel: terms.requiredLevel,
    region: terms.region,
    budgetCapFen: terms.budgetCapFen,
    servicePeriodDays: terms.servicePeriodDays,
    selection: terms.selection,
    excluded: [
      ...terms.conflicts.map((c) => ({ agencyId: c.agencyId, reason: c.reason, source: 'OWNER_CONFLICT' as const })),
      ...state.exclusions.map((e) => ({ agencyId: e.agencyId, reason: e.reason, source: 'OBJECTION_RULING' as const })),
    ],
    candidates,
  };
  return { state: next, events: [{ kind: 'selection-requested', projectId: state.id, at, ...request }] };
}

function publicize(state: ProjectState, source: SelectionSource, winners: readonly Candidate[], succession: readonly Candidate[], at: string): Step {
  const publicityEndsAt = plusHours(at, state.policy.publicityDays * 24);
  const selection: SelectionOutcome = { round: state.round, source, winners, succession, recordedAt: at, publicityEndsAt };
  const next = moved(state, 'PUBLICITY', { selection });
  return { state: next, events: [{ kind: 'selection-recorded', projectId: state.id, at, round: state.round, source, winners, succession, publicityEndsAt }] };
}

function award(state: ProjectState, at: string): Step {
  const selection = state.selection as SelectionOutcome;
  const respondBy = plusHours(at, state.policy.winnerResponseHours);
  const seats: Seat[] = selection.winners.map((w) => ({ ...w, respondBy, acceptedAt: null, contract: null, completion: null, evaluation: null }));
  const next = moved(state, 'AWARDED', { awardedAt: at, seats, successors: selection.succession });
  return {
    state: next,
    events: [{ kind: 'awarded', projectId: state.id, at, round: state.round, winners: seats.map((s) => ({ agencyId: s.agencyId, quote: s.quote, respondBy })) }],
  };
}

/** A winner declined or stayed silent: record it, then hand the place to the next in line, or fail the round. */
function vacateSeat(state: ProjectState, index: number, cause: 'DECLINED' | 'NO_RESPONSE', reason: string, at: string): Step {
  const leaving = state.seats[index];
  const declined: ProjectEvent = { kind: 'award-declined', projectId: state.id, at, round: state.round, agencyId: leaving.agencyId, cause, reason };
  const recorded: ProjectState = { ...state, declines: [...state.declines, { round: state.round, agencyId: leaving.agencyId, cause, at }] };
  const [successor, ...rest] = state.successors;
  if (!successor) {
    const failed = failRound(recorded, 'NO_ALTERNATE_LEFT', 1, 0, at);
    return { state: failed.state, events: [declined, ...failed.events] };
  }
  const respondBy = plusHours(at, state.policy.winnerResponseHours);
  const seat: Seat = { agencyId: successor.agencyId, quote: successor.quote, respondBy, acceptedAt: null, contract: null, completion: null, evaluation: null };
  const next: ProjectState = { ...recorded, seats: state.seats.map((s, i) => (i === index ? seat : s)), successors: rest };
  const from = state.selection?.source.kind === 'BIDDING' ? 'NEXT_VALID_BID' : 'ALTERNATE';
  return {
    state: next,
    events: [
      declined,
      { kind: 'successor-promoted', projectId: state.id, at, round: state.round, agencyId: seat.agencyId, quote: seat.quote, replaces: leaving.agencyId, from, respondBy },
    ],
  };
}

/** Attachments after adding `added`: each file once (by content), at most MAX_ATTACHMENTS in all. */
function withAttachments(current: readonly Attachment[] | undefined, added: readonly Attachment[]): readonly Attachment[] {
  const all = [...(current ?? [])];
  for (const attachment of added) {
    if (all.some((a) => a.id === attachment.id || a.sha256 === attachment.sha256)) {
      throw conflict('PROJECTS.ATTACHMENT_EXISTS', `the project already has this document (${attachment.name})`, 'file');
    }
    all.push(attachment);
  }
  if (all.length > MAX_ATTACHMENTS) throw invalid('PROJECTS.TOO_MANY_ATTACHMENTS', `a project has at most ${MAX_ATTACHMENTS} attachments`, 'file');
  return all;
}

export interface DraftInput extends ProjectTermsInput {
  /** Chosen by the caller (the service mints ids); the domain creates no identifiers. */
  readonly id: string;
}

export type SelectionVerdict = 'UPHELD' | 'DISMISSED';

/**
 * A project posted on the marketplace and its whole lifecycle, as a pure state machine. Every method checks who
 * acts, in which status and at what time (`now` is always the caller's), changes nothing if a rule says no, and
 * returns the events that record what happened, in order.
 */
export class Project {
  private constructor(private state: ProjectState) {}

  static draft(actor: Actor, input: DraftInput, policy: ProjectPolicy, now: Date, context: PostingContext): { project: Project; events: ProjectEvent[] } {
    const at = instantOf(now);
    if (actor?.role !== 'OWNER' || !actor.organizationId) throw forbidden('PROJECTS.OWNER_ONLY', 'only a project owner may post a project');
    const id = requiredText(input?.id, 'id', 100);
    const sound = projectPolicyMustBeSound(policy);
    const terms = parseProjectTerms(input, sound, context);
    observersMustNotIncludeActor(terms.selection, actor);
    const project = new Project({
      id,
      ownerId: actor.organizationId,
      status: 'DRAFT',
      round: 0,
      terms,
      policy: sound,
      draftedAt: at,
      publishedAt: null,
      amendments: 0,
      attachments: [],
      signUps: [],
      exclusions: [],
      selection: null,
      objections: [],
      awardedAt: null,
      seats: [],
      successors: [],
      declines: [],
      failure: null,
      cancellation: null,
    });
    return { project, events: [{ kind: 'drafted', projectId: id, at, ownerId: actor.organizationId, terms, policy: sound }] };
  }

  static restore(state: ProjectState): Project {
    return new Project(state);
  }

  get snapshot(): ProjectState {
    return this.state;
  }

  private commit(step: Step): ProjectEvent[] {
    this.state = step.state;
    return [...step.events];
  }

  /** Before publication the owner edits freely; nothing is announced yet. */
  reviseDraft(actor: Actor, changes: Partial<ProjectTermsInput>, now: Date, context: PostingContext): ProjectEvent[] {
    const at = instantOf(now);
    actorMustOwnProject(actor, this.state.ownerId, 'revise the draft');
    projectMustBeIn(this.state.status, ['DRAFT'], 'revise the draft');
    const terms = mergeTerms(this.state.terms, changes, this.state.policy, context, 'RECHECK');
    observersMustNotIncludeActor(terms.selection, actor);
    const changedFields = changedTermFields(this.state.terms, terms);
    if (changedFields.length === 0) throw invalid('PROJECTS.NO_CHANGE', 'the revision changes nothing', 'changes');
    return this.commit({ state: { ...this.state, terms }, events: [{ kind: 'draft-revised', projectId: this.state.id, at, changedFields, terms }] });
  }

  /**
   * Announces the project; from here its rules change only by a recorded amendment. Round 1 begins. The item must
   * still be offered, and the published rules name its standard as the catalog states it now.
   */
  publish(actor: Actor, now: Date, context: PostingContext): ProjectEvent[] {
    const at = instantOf(now);
    const { state } = this;
    actorMustOwnProject(actor, state.ownerId, 'publish the project');
    projectMustBeIn(state.status, ['DRAFT'], 'publish');
    const terms = mergeTerms(state.terms, {}, state.policy, context, 'RECHECK');
    observersMustNotIncludeActor(terms.selection, actor);
    signUpWindowMustBeLongEnough(terms.signUp, at, state.policy.minimumSignUpHours);
    bidDeadlineMustBeAhead(terms.selection, at);
    const next = moved(state, 'PUBLISHED', { terms, round: 1, publishedAt: at });
    return this.commit({ state: next, events: [{ kind: 'published', projectId: state.id, at, round: 1, terms, policy: state.policy }] });
  }

  /**
   * How a document the actor uploads may join the posting: attached to the draft at once, or, once published,
   * held until the owner names it in an amendment. Anyone but the owner, and any later status, is refused.
   */
  attachmentPathFor(actor: Actor): 'ATTACH_TO_DRAFT' | 'HOLD_FOR_AMENDMENT' {
    actorMustOwnProject(actor, this.state.ownerId, 'attach a document');
    projectMustBeIn(this.state.status, ['DRAFT', 'PUBLISHED'], 'attach a document');
    return this.state.status === 'DRAFT' ? 'ATTACH_TO_DRAFT' : 'HOLD_FOR_AMENDMENT';
  }

  /**
   * A document for the draft. After publication the announced documents change only by a recorded amendment, so
   * there a new attachment is named in `amend` instead.
   */
  attach(actor: Actor, attachment: Attachment, now: Date): ProjectEvent[] {
    const at = instantOf(now);
    const { state } = this;
    actorMustOwnProject(actor, state.ownerId, 'attach a document');
    if (state.status === 'PUBLISHED') {
      throw conflict('PROJECTS.ATTACHMENT_NEEDS_AMENDMENT', 'the project is published: add the document as part of an amendment, with its reason', 'attachmentIds');
    }
    projectMustBeIn(state.status, ['DRAFT'], 'attach a document');
    const added = withAttachments(state.attachments, [{ ...attachment, addedAt: at, amendment: null }]);
    return this.commit({ state: { ...state, attachments: added }, events: [{ kind: 'attachment-added', projectId: state.id, at, attachment: added[added.length - 1] }] });
  }

  /** A change after publication: recorded with its reason, and it reopens sign-up by moving the close later. */
  amend(actor: Actor, input: { reason: string; changes: Partial<ProjectTermsInput>; attachments?: readonly Attachment[] }, now: Date, context: PostingContext): ProjectEvent[] {
    const at = instantOf(now);
    const { state } = this;
    actorMustOwnProject(actor, state.ownerId, 'amend the announcement');
    projectMustBeIn(state.status, ['PUBLISHED'], 'amend the announcement');
    const reason = requiredText(input?.reason, 'reason', 2000);
    const terms = mergeTerms(state.terms, input.changes, state.policy, context, 'KEEP');
    observersMustNotIncludeActor(terms.selection, actor);
    const changedFields = changedTermFields(state.terms, terms);
    const amendment = state.amendments + 1;
    const addedAttachments = (input.attachments ?? []).map((a) => ({ ...a, addedAt: at, amendment }));
    if (changedFields.length === 0 && addedAttachments.length === 0) throw invalid('PROJECTS.NO_CHANGE', 'the amendment changes nothing', 'changes');
    const attachments = withAttachments(state.attachments, addedAttachments);
    amendmentMustExtendSignUp(state.terms.signUp, terms.signUp);
    signUpWindowMustBeLongEnough(terms.signUp, at, state.policy.minimumSignUpHours);
    bidDeadlineMustBeAhead(terms.selection, at);
    const droppedSignUps =
      terms.signUp.mode === 'WINDOW'
        ? state.signUps.filter((s) => terms.conflicts.some((c) => c.agencyId === s.agencyId)).map((s) => ({ agencyId: s.agencyId, reason: 'CONFLICT_DECLARED' as const }))
        : state.signUps.map((s) => ({ agencyId: s.agencyId, reason: 'SIGN_UP_NO_LONGER_REQUIRED' as const }));
    const next: ProjectState = {
      ...state,
      terms,
      attachments,
      amendments: amendment,
      signUps: state.signUps.filter((s) => !droppedSignUps.some((d) => d.agencyId === s.agencyId)),
    };
    return this.commit({
      state: next,
      events: [
        { kind: 'amended', projectId: state.id, at, amendment, reason, changedFields, terms, announcedChanges: announcedTermChanges(state.terms, terms), droppedSignUps, addedAttachments },
      ],
    });
  }

  signUp(actor: Actor, now: Date): ProjectEvent[] {
    const at = instantOf(now);
    const { state } = this;
    const agencyId = actorMustBeAgency(actor, 'sign up for a project');
    projectMustBeIn(state.status, ['PUBLISHED'], 'sign up');
    signUpMustBeWithinWindow(state.terms.signUp, at);
    agencyMustNotBeInConflict(agencyId, state.terms.conflicts, state.exclusions);
    if (state.signUps.some((s) => s.agencyId === agencyId)) throw conflict('PROJECTS.ALREADY_SIGNED_UP', `agency ${agencyId} has already signed up`, 'agencyId');
    const next: ProjectState = { ...state, signUps: [...state.signUps, { agencyId, at }] };
    return this.commit({ state: next, events: [{ kind: 'signed-up', projectId: state.id, at, round: state.round, agencyId }] });
  }

  withdrawSignUp(actor: Actor, now: Date): ProjectEvent[] {
    const at = instantOf(now);
    const { state } = this;
    const agencyId = actorMustBeAgency(actor, 'withdraw a sign-up');
    projectMustBeIn(state.status, ['PUBLISHED'], 'withdraw a sign-up');
    signUpMustBeWithinWindow(state.terms.signUp, at);
    if (!state.signUps.some((s) => s.agencyId === agencyId)) throw conflict('PROJECTS.NOT_SIGNED_UP', `agency ${agencyId} has not signed up`, 'agencyId');
    const next: ProjectState = { ...state, signUps: state.signUps.filter((s) => s.agencyId !== agencyId) };
    return this.commit({ state: next, events: [{ kind: 'sign-up-withdrawn', projectId: state.id, at, round: state.round, agencyId }] });
  }

  /** Scheduler, at the window's close: selection starts, or the round fails for too few sign-ups (流标). */
  closeSignUp(now: Date): ProjectEvent[] {
    const at = instantOf(now);
    const { state } = this;
    projectMustBeIn(state.status, ['PUBLISHED'], 'close sign-up');
    signUpMustHaveClosed(state.terms.signUp, at);
    const closed: ProjectEvent = { kind: 'sign-up-closed', projectId: state.id, at, round: state.round, signUpCount: state.signUps.length };
    const step = startSelection(state, 'SIGN_UP_CLOSED', at);
    return this.commit({ state: step.state, events: [closed, ...step.events] });
  }

  /** Without sign-up, the owner says when selection among all eligible agencies starts. */
  requestSelection(actor: Actor, now: Date): ProjectEvent[] {
    const at = instantOf(now);
    const { state } = this;
    actorMustOwnProject(actor, state.ownerId, 'request selection');
    projectMustBeIn(state.status, ['PUBLISHED'], 'request selection');
    if (state.terms.signUp.mode !== 'ALL_ELIGIBLE') {
      throw conflict('PROJECTS.SIGN_UP_REQUIRED', 'this project selects among those who sign up; selection starts when the window closes', 'signUp.mode');
    }
    bidDeadlineMustBeAhead(state.terms.selection, at);
    return this.commit(startSelection(state, 'OWNER_REQUESTED', at));
  }

  /** The draw's or bidding's outcome for the current round: into publicity, or a failed round. */
  recordSelectionResult(result: SelectionResult, now: Date): ProjectEvent[] {
    const at = instantOf(now);
    const { state } = this;
    projectMustBeIn(state.status, ['SELECTING'], 'record a selection result');
    const verdict = selectionResultMustFitRound(result, state.round, state.terms, screenOf(state));
    biddingResultMustFollowDeadline(state.terms.selection, at);
    if (verdict.outcome === 'FAILED') return this.commit(failRound(state, verdict.reason, verdict.required, verdict.actual, at, verdict.source));
    return this.commit(publicize(state, verdict.source, verdict.winners, verdict.succession, at));
  }

  /** Direct selection (直接选取): the owner names the agency; it is published like any other result. */
  selectDirectly(actor: Actor, agencyId: string, now: Date): ProjectEvent[] {
    const at = instantOf(now);
    const { state } = this;
    actorMustOwnProject(actor, state.ownerId, 'select an agency directly');
    projectMustBeIn(state.status, ['SELECTING'], 'select an agency directly');
    if (state.terms.selection.method !== 'DIRECT_SELECTION') {
      throw conflict('PROJECTS.METHOD_MISMATCH', `this project selects by ${state.terms.selection.method}`, 'selection.method');
    }
    const chosen = candidateMustBeAllowed(agencyId, screenOf(state), 'agencyId');
    return this.commit(publicize(state, { kind: 'DIRECT', chosenBy: actor.userId }, [{ agencyId: chosen, quote: null }], [], at));
  }

  fileObjection(actor: Actor, input: { objectionId: string; grounds: string }, now: Date): ProjectEvent[] {
    const at = instantOf(now);
    const { state } = this;
    const agencyId = actorMustBeAgency(actor, 'file an objection');
    projectMustBeIn(state.status, ['PUBLICITY'], 'file an objection');
    objectionMustBeFiledDuringPublicity((state.selection as SelectionOutcome).publicityEndsAt, at);
    const objectionId = requiredText(input?.objectionId, 'objectionId', 100);
    const grounds = requiredText(input?.grounds, 'grounds', 4000);
    if (state.objections.some((o) => o.id === objectionId)) throw conflict('PROJECTS.DUPLICATE_OBJECTION', `objection ${objectionId} is already on file`, 'objectionId');
    if (state.objections.some((o) => o.round === state.round && o.agencyId === agencyId && o.status === 'PENDING')) {
      throw conflict('PROJECTS.OBJECTION_ALREADY_PENDING', 'this agency already has an objection awaiting a ruling', 'objectionId');
    }
    const objection: Objection = { id: objectionId, round: state.round, agencyId, grounds, filedAt: at, status: 'PENDING', ruling: null };
    const next: ProjectState = { ...state, objections: [...state.objections, objection] };
    return this.commit({ state: next, events: [{ kind: 'objection-filed', projectId: state.id, at, round: state.round, objectionId, agencyId, grounds }] });
  }

  /**
   * A supervisor's ruling. Dismissed: if publicity is over and nothing else is pending, the award follows at once.
   * Upheld: the selection is void and a new round of selection starts, without the agencies the ruling excludes.
   */
  ruleOnObjection(
    actor: Actor,
    input: { objectionId: string; verdict: SelectionVerdict; reason: string; exclude?: readonly ConflictOfInterestInput[] },
    now: Date,
  ): ProjectEvent[] {
    const at = instantOf(now);
    const { state } = this;
    const supervisorId = actorMustBeSupervisor(actor, 'rule on an objection');
    projectMustBeIn(state.status, ['PUBLICITY'], 'rule on an objection');
    const objection = state.objections.find((o) => o.id === input?.objectionId);
    if (!objection) throw notFound('PROJECTS.OBJECTION_NOT_FOUND', `no objection ${String(input?.objectionId)} on this project`);
    if (objection.status !== 'PENDING') throw conflict('PROJECTS.OBJECTION_ALREADY_RULED', `objection ${objection.id} is already ${objection.status}`, 'objectionId');
    if (input.verdict !== 'UPHELD' && input.verdict !== 'DISMISSED') throw invalid('PROJECTS.INVALID_VERDICT', 'a ruling is UPHELD or DISMISSED', 'verdict');
    const reason = requiredText(input.reason, 'reason', 4000);
    const ruling = { supervisorId, reason, at };
    const selection = state.selection as SelectionOutcome;

    if (input.verdict === 'DISMISSED') {
      if (input.exclude?.length) throw invalid('PROJECTS.EXCLUSION_NEEDS_UPHELD_OBJECTION', 'only an upheld objection excludes agencies', 'exclude');
      const objections = state.objections.map((o) => (o.id === objection.id ? { ...o, status: 'DISMISSED' as const, ruling } : o));
      const dismissed: ProjectEvent = { kind: 'objection-dismissed', projectId: state.id, at, round: state.round, objectionId: objection.id, supervisorId, reason };
      const next: ProjectState = { ...state, objections };
      const stillPending = objections.some((o) => o.round === state.round && o.status === 'PENDING');
      if (stillPending || isBefore(at, selection.publicityEndsAt)) return this.commit({ state: next, events: [dismissed] });
      const awarded = award(next, at);
      return this.commit({ state: awarded.state, events: [dismissed, ...awarded.events] });
    }

    const exclusions = parseConflictList(input.exclude, 'exclude');
    const mootObjectionIds = state.objections.filter((o) => o.round === state.round && o.status === 'PENDING' && o.id !== objection.id).map((o) => o.id);
    const objections = state.objections.map((o) =>
      o.id === objection.id ? { ...o, status: 'UPHELD' as const, ruling } : mootObjectionIds.includes(o.id) ? { ...o, status: 'MOOT' as const } : o,
    );
    const nextRound = state.round + 1;
    const upheld: ProjectEvent = {
      kind: 'objection-upheld',
      projectId: state.id,
      at,
      round: state.round,
      objectionId: objection.id,
      supervisorId,
      reason,
      exclusions,
      mootObjectionIds,
      nextRound,
    };
    const voided: ProjectState = {
      ...state,
      objections,
      round: nextRound,
      selection: null,
      exclusions: [
        ...state.exclusions,
        ...exclusions.filter((e) => !state.exclusions.some((x) => x.agencyId === e.agencyId)).map((e) => ({ ...e, objectionId: objection.id })),
      ],
    };
    const restarted = startSelection(voided, 'OBJECTION_UPHELD', at);
    return this.commit({ state: restarted.state, events: [upheld, ...restarted.events] });
  }

  /** Scheduler, at the end of publicity: the award, or (with objections pending) a recorded wait for the rulings. */
  endPublicity(now: Date): ProjectEvent[] {
    const at = instantOf(now);
    const { state } = this;
    projectMustBeIn(state.status, ['PUBLICITY'], 'end publicity');
    publicityMustBeOver((state.selection as SelectionOutcome).publicityEndsAt, at);
    const pendingObjectionIds = state.objections.filter((o) => o.round === state.round && o.status === 'PENDING').map((o) => o.id);
    if (pendingObjectionIds.length > 0) {
      return this.commit({ state, events: [{ kind: 'publicity-end-deferred', projectId: state.id, at, round: state.round, pendingObjectionIds }] });
    }
    return this.commit(award(state, at));
  }

  private pendingSeatOf(agencyId: string): number {
    const index = this.state.seats.findIndex((s) => s.agencyId === agencyId);
    if (index < 0) throw forbidden('PROJECTS.NOT_SELECTED', `agency ${agencyId} does not hold a place in this project's award`);
    if (this.state.seats[index].acceptedAt) throw conflict('PROJECTS.ALREADY_ACCEPTED', 'the award was already accepted', 'agencyId');
    return index;
  }

  acceptAward(actor: Actor, now: Date): ProjectEvent[] {
    const at = instantOf(now);
    const { state } = this;
    const agencyId = actorMustBeAgency(actor, 'accept an award');
    projectMustBeIn(state.status, ['AWARDED'], 'accept an award');
    const index = this.pendingSeatOf(agencyId);
    winnerMustRespondBeforeDeadline(state.seats[index].respondBy, at);
    const next: ProjectState = { ...state, seats: state.seats.map((s, i) => (i === index ? { ...s, acceptedAt: at } : s)) };
    return this.commit({ state: next, events: [{ kind: 'award-accepted', projectId: state.id, at, round: state.round, agencyId }] });
  }

  /** A decline goes on the decliner's credit record; the next alternate or valid bid takes the place. */
  declineAward(actor: Actor, reason: string, now: Date): ProjectEvent[] {
    const at = instantOf(now);
    const { state } = this;
    const agencyId = actorMustBeAgency(actor, 'decline an award');
    projectMustBeIn(state.status, ['AWARDED'], 'decline an award');
    const index = this.pendingSeatOf(agencyId);
    winnerMustRespondBeforeDeadline(state.seats[index].respondBy, at);
    return this.commit(vacateSeat(state, index, 'DECLINED', requiredText(reason, 'reason', 2000), at));
  }

  /** Scheduler, after a response deadline: silence counts as a decline, for every place whose deadline has passed. */
  expireWinnerResponse(now: Date): ProjectEvent[] {
    const at = instantOf(now);
    projectMustBeIn(this.state.status, ['AWARDED'], 'expire a winner response');
    const overdue = this.state.seats.filter((s) => !s.acceptedAt && !isBefore(at, s.respondBy)).map((s) => s.agencyId);
    if (overdue.length === 0) throw conflict('PROJECTS.TOO_EARLY', 'no selected agency is past its response deadline', 'respondBy');
    let step: Step = { state: this.state, events: [] };
    for (const agencyId of overdue) {
      if (step.state.status !== 'AWARDED') break;
      const index = step.state.seats.findIndex((s) => s.agencyId === agencyId);
      const vacated = vacateSeat(step.state, index, 'NO_RESPONSE', '', at);
      step = { state: vacated.state, events: [...step.events, ...vacated.events] };
    }
    return this.commit(step);
  }

  private seatOf(agencyId: unknown): number {
    const index = this.state.seats.findIndex((s) => s.agencyId === agencyId);
    if (index < 0) throw invalid('PROJECTS.NOT_A_WINNER', `agency ${String(agencyId)} holds no place in this project's award`, 'agencyId');
    return index;
  }

  /** Once every winner accepted: contract amount (≤ winning price and budget cap) and start date, per winner. */
  recordContract(actor: Actor, input: { agencyId: string; amountFen: number; startDate: string }, now: Date): ProjectEvent[] {
    const at = instantOf(now);
    const { state } = this;
    actorMustOwnProject(actor, state.ownerId, 'record a contract');
    projectMustBeIn(state.status, ['AWARDED'], 'record a contract');
    if (state.seats.some((s) => !s.acceptedAt)) throw conflict('PROJECTS.AWAITING_WINNER_RESPONSE', 'every selected agency must accept before contracts are recorded', 'seats');
    const index = this.seatOf(input?.agencyId);
    const seat = state.seats[index];
    if (seat.contract) throw conflict('PROJECTS.CONTRACT_ALREADY_RECORDED', `a contract with ${seat.agencyId} is already recorded`, 'agencyId');
    const amountFen = positiveFen(input.amountFen, 'amountFen');
    contractAmountMustNotExceedCeiling(amountFen, contractCeilingFen(state.terms.budgetCapFen, seat.quote));
    const startDate = parseCalendarDate(input.startDate, 'startDate');
    contractMustNotStartBeforeAward(startDate, calendarDateAt(state.awardedAt as string, state.policy.utcOffsetMinutes));
    const dueDate = serviceDueDate(startDate, state.terms.servicePeriodDays);
    const seats = state.seats.map((s, i) => (i === index ? { ...s, contract: { amountFen, startDate, dueDate, recordedAt: at } } : s));
    const events: ProjectEvent[] = [{ kind: 'contract-recorded', projectId: state.id, at, agencyId: seat.agencyId, amountFen, startDate, dueDate }];
    const allDone = seats.every((s) => s.contract);
    if (allDone) events.push({ kind: 'contracted', projectId: state.id, at });
    return this.commit({ state: allDone ? moved(state, 'CONTRACTED', { seats }) : { ...state, seats }, events });
  }

  /** The completion date runs the service clock: on time if on or before the start date plus the service period. */
  recordCompletion(actor: Actor, input: { agencyId: string; completionDate: string }, now: Date): ProjectEvent[] {
    const at = instantOf(now);
    const { state } = this;
    actorMustOwnProject(actor, state.ownerId, 'record completion');
    projectMustBeIn(state.status, ['CONTRACTED'], 'record completion');
    const index = this.seatOf(input?.agencyId);
    const seat = state.seats[index];
    const contract = seat.contract as NonNullable<Seat['contract']>;
    if (seat.completion) throw conflict('PROJECTS.COMPLETION_ALREADY_RECORDED', `completion by ${seat.agencyId} is already recorded`, 'agencyId');
    const completionDate = parseCalendarDate(input.completionDate, 'completionDate');
    completionMustFallBetweenStartAndToday(completionDate, contract.startDate, calendarDateAt(at, state.policy.utcOffsetMinutes));
    const clock = readServiceClock(contract.startDate, state.terms.servicePeriodDays, completionDate);
    const seats = state.seats.map((s, i) =>
      i === index ? { ...s, completion: { completionDate, daysTaken: clock.daysTaken, daysLate: clock.daysLate, onTime: clock.onTime, recordedAt: at } } : s,
    );
    const events: ProjectEvent[] = [{ kind: 'completion-recorded', projectId: state.id, at, agencyId: seat.agencyId, completionDate, ...clock }];
    const allDone = seats.every((s) => s.completion);
    if (allDone) events.push({ kind: 'completed', projectId: state.id, at });
    return this.commit({ state: allDone ? moved(state, 'COMPLETED', { seats }) : { ...state, seats }, events });
  }

  /** The owner's evaluation; with the clock's on-time verdict it is what the registry's credit record needs. */
  evaluate(actor: Actor, input: { agencyId: string; quality: number; feeCompliant: boolean; comment?: string }, now: Date): ProjectEvent[] {
    const at = instantOf(now);
    const { state } = this;
    actorMustOwnProject(actor, state.ownerId, 'evaluate the agency');
    projectMustBeIn(state.status, ['COMPLETED'], 'evaluate the agency');
    const index = this.seatOf(input?.agencyId);
    const seat = state.seats[index];
    if (seat.evaluation) throw conflict('PROJECTS.ALREADY_EVALUATED', `${seat.agencyId} is already evaluated on this project`, 'agencyId');
    const quality = wholeNumberIn(input.quality, 1, 5, 'quality', 'PROJECTS.INVALID_QUALITY');
    if (typeof input.feeCompliant !== 'boolean') throw invalid('PROJECTS.INVALID_FEE_COMPLIANCE', 'fee compliance is yes or no', 'feeCompliant');
    const comment = optionalText(input.comment, 'comment', 2000);
    poorEvaluationMustGiveReason(quality, input.feeCompliant, comment);
    const completion = seat.completion as NonNullable<Seat['completion']>;
    const contract = seat.contract as NonNullable<Seat['contract']>;
    const seats = state.seats.map((s, i) => (i === index ? { ...s, evaluation: { quality, feeCompliant: input.feeCompliant, comment, at } } : s));
    const events: ProjectEvent[] = [
      {
        kind: 'agency-evaluated',
        projectId: state.id,
        at,
        agencyId: seat.agencyId,
        ownerId: state.ownerId,
        serviceItemCode: state.terms.serviceItemCode,
        servicePeriodDays: state.terms.servicePeriodDays,
        contractAmountFen: contract.amountFen,
        onTime: completion.onTime,
        daysLate: completion.daysLate,
        quality,
        feeCompliant: input.feeCompliant,
        comment,
      },
    ];
    const allDone = seats.every((s) => s.evaluation);
    if (allDone) events.push({ kind: 'evaluated', projectId: state.id, at });
    return this.commit({ state: allDone ? moved(state, 'EVALUATED', { seats }) : { ...state, seats }, events });
  }

  /** After a failed round: a new round with a new window, optionally with other terms (e.g. switching method). */
  repost(actor: Actor, input: { reason?: string; changes?: Partial<ProjectTermsInput> }, now: Date, context: PostingContext): ProjectEvent[] {
    const at = instantOf(now);
    const { state } = this;
    actorMustOwnProject(actor, state.ownerId, 'repost the project');
    projectMustBeIn(state.status, ['FAILED'], 'repost');
    const reason = optionalText(input?.reason, 'reason', 2000);
    // A new round is a new publication: the item must still be offered.
    const terms = mergeTerms(state.terms, input?.changes ?? {}, state.policy, context, 'RECHECK');
    observersMustNotIncludeActor(terms.selection, actor);
    signUpWindowMustBeLongEnough(terms.signUp, at, state.policy.minimumSignUpHours);
    bidDeadlineMustBeAhead(terms.selection, at);
    const round = state.round + 1;
    const next = moved(state, 'PUBLISHED', { terms, round, signUps: [], selection: null, awardedAt: null, seats: [], successors: [], failure: null });
    const changedFields = changedTermFields(state.terms, terms);
    return this.commit({ state: next, events: [{ kind: 'reposted', projectId: state.id, at, round, reason, changedFields, terms }] });
  }

  /** The owner withdraws the project: before selection starts, or after a failed round instead of reposting. */
  cancel(actor: Actor, reason: string, now: Date): ProjectEvent[] {
    const at = instantOf(now);
    const { state } = this;
    actorMustOwnProject(actor, state.ownerId, 'cancel the project');
    projectMustBeIn(state.status, ['DRAFT', 'PUBLISHED', 'FAILED'], 'cancel');
    const text = requiredText(reason, 'reason', 2000);
    const next = moved(state, 'CANCELLED', { cancellation: { from: state.status, reason: text, at } });
    return this.commit({ state: next, events: [{ kind: 'cancelled', projectId: state.id, at, from: state.status, reason: text }] });
  }
}
