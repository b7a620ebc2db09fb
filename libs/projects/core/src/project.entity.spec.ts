import { refusalOf } from '@mkt/shared/kernel/testing';
import { Project, type DraftInput, type ProjectState } from './project.entity';
import type { ProjectEvent } from './project.event';
import { DEFAULT_PROJECT_POLICY } from './project-policy';
import { PROJECT_TRANSITIONS, type ProjectStatus } from './project-status';
import {
  aDraft,
  aDraftInput,
  anAwardedProject,
  agency,
  aProjectInPublicity,
  aProjectInSelection,
  aPublishedProject,
  at,
  CLOSES_AT,
  DRAFTED_AT,
  OPENS_AT,
  OTHER_OWNER,
  OWNER,
  POSTING,
  PUBLICITY_ENDS_AT,
  RESULT_AT,
  SUPERVISOR,
} from './testing';

/** `CODE@field` of the DomainError a call throws (field `null` for forbidden), or undefined if it does not throw. */
const kinds = (events: readonly ProjectEvent[]) => events.map((e) => e.kind);
const eventOf = <K extends ProjectEvent['kind']>(events: readonly ProjectEvent[], kind: K) =>
  events.find((e) => e.kind === kind) as Extract<ProjectEvent, { kind: K }>;

const BIDDING = {
  method: 'BIDDING' as const,
  winners: 1,
  minimumValidBids: 3,
  evaluation: { rule: 'REASONABLE_LOW' as const, abnormallyLowFraction: 0.8 },
  quoteForm: 'AMOUNT' as const,
  bidDeadline: '2024-03-08T09:00:00+08:00',
};

describe('Project.draft', () => {
  it('drafts a project owned by the acting owner organisation and records the terms', () => {
    const { project, events } = Project.draft(OWNER, aDraftInput(), DEFAULT_PROJECT_POLICY, DRAFTED_AT, POSTING);
    expect(project.snapshot).toMatchObject({ id: 'p-1', ownerId: 'owner-1', status: 'DRAFT', round: 0, draftedAt: '2024-03-01T00:00:00.000Z' });
    expect(project.snapshot.terms.signUp).toEqual({ mode: 'WINDOW', opensAt: '2024-03-01T01:00:00.000Z', closesAt: '2024-03-06T01:00:00.000Z' });
    expect(events).toEqual([
      { kind: 'drafted', projectId: 'p-1', at: '2024-03-01T00:00:00.000Z', ownerId: 'owner-1', terms: project.snapshot.terms, policy: DEFAULT_PROJECT_POLICY },
    ]);
  });

  it('is refused to anyone but a project owner', () => {
    expect(refusalOf(() => Project.draft(agency('a-1'), aDraftInput(), DEFAULT_PROJECT_POLICY, DRAFTED_AT, POSTING))).toBe('PROJECTS.OWNER_ONLY@null');
    expect(refusalOf(() => Project.draft(SUPERVISOR, aDraftInput(), DEFAULT_PROJECT_POLICY, DRAFTED_AT, POSTING))).toBe('PROJECTS.OWNER_ONLY@null');
  });

  it.each<[string, Partial<DraftInput>, string]>([
    ['an empty title', { title: '  ' }, 'PROJECTS.TEXT_REQUIRED@title'],
    ['an empty service item', { serviceItemCode: '' }, 'PROJECTS.TEXT_REQUIRED@serviceItemCode'],
    ['a zero budget', { budgetCapFen: 0 }, 'PROJECTS.INVALID_AMOUNT@budgetCapFen'],
    ['a fractional fen budget', { budgetCapFen: 100.5 }, 'PROJECTS.INVALID_AMOUNT@budgetCapFen'],
    ['level 0', { requiredLevel: 0 }, 'PROJECTS.INVALID_LEVEL@requiredLevel'],
    ['level 10', { requiredLevel: 10 }, 'PROJECTS.INVALID_LEVEL@requiredLevel'],
    ['a zero service period', { servicePeriodDays: 0 }, 'PROJECTS.OUT_OF_RANGE@servicePeriodDays'],
    ['an unknown method', { selection: { method: 'LOTTERY' } as never }, 'PROJECTS.INVALID_SELECTION@selection.method'],
    ['no winners', { selection: { method: 'RANDOM_DRAW', winners: 0, alternates: 1, minimumCandidates: 3 } }, 'PROJECTS.INVALID_SELECTION@selection.winners'],
    ['negative alternates', { selection: { method: 'RANDOM_DRAW', winners: 1, alternates: -1, minimumCandidates: 3 } }, 'PROJECTS.INVALID_SELECTION@selection.alternates'],
    [
      'a minimum below the winners',
      { selection: { method: 'RANDOM_DRAW', winners: 3, alternates: 1, minimumCandidates: 2 } },
      'PROJECTS.INVALID_SELECTION@selection.minimumCandidates',
    ],
    [
      'a credit-weighted draw without a weight function',
      { selection: { method: 'CREDIT_WEIGHTED_DRAW', winners: 1, alternates: 1, minimumCandidates: 3, minimumCreditScore: 60, weightFunction: '' } },
      'PROJECTS.TEXT_REQUIRED@selection.weightFunction',
    ],
    [
      'an abnormally-low threshold of 1.2',
      { selection: { ...BIDDING, evaluation: { rule: 'REASONABLE_LOW', abnormallyLowFraction: 1.2 } } },
      'PROJECTS.INVALID_SELECTION@selection.evaluation.abnormallyLowFraction',
    ],
    ['an unknown evaluation rule', { selection: { ...BIDDING, evaluation: { rule: 'HIGHEST' } as never } }, 'PROJECTS.INVALID_SELECTION@selection.evaluation.rule'],
    ['an unknown quote form', { selection: { ...BIDDING, quoteForm: 'PERCENT' as never } }, 'PROJECTS.INVALID_SELECTION@selection.quoteForm'],
    ['too few valid bids required', { selection: { ...BIDDING, winners: 2, minimumValidBids: 1 } }, 'PROJECTS.INVALID_SELECTION@selection.minimumValidBids'],
    ['a bid deadline without an offset', { selection: { ...BIDDING, bidDeadline: '2024-03-08T09:00:00' } }, 'PROJECTS.INVALID_INSTANT@selection.bidDeadline'],
    ['a bid deadline before sign-up closes', { selection: { ...BIDDING, bidDeadline: CLOSES_AT } }, 'PROJECTS.BID_DEADLINE_BEFORE_SIGN_UP_CLOSE@selection.bidDeadline'],
    ['direct selection without a justification', { budgetCapFen: 50_000_00, selection: { method: 'DIRECT_SELECTION', justification: ' ' } }, 'PROJECTS.TEXT_REQUIRED@selection.justification'],
    ['a window that closes before it opens', { signUp: { mode: 'WINDOW', opensAt: CLOSES_AT, closesAt: '2024-03-01T09:00:00+08:00' } }, 'PROJECTS.INVALID_SIGN_UP@signUp.closesAt'],
    ['a window opening on 30 February', { signUp: { mode: 'WINDOW', opensAt: '2024-02-30T09:00:00+08:00', closesAt: CLOSES_AT } }, 'PROJECTS.INVALID_INSTANT@signUp.opensAt'],
    ['an unknown sign-up mode', { signUp: { mode: 'INVITE' } as never }, 'PROJECTS.INVALID_SIGN_UP@signUp.mode'],
    ['a conflict without a reason', { conflicts: [{ agencyId: 'a-9', reason: '' }] }, 'PROJECTS.TEXT_REQUIRED@conflicts[0].reason'],
    [
      'an agency listed twice as a conflict',
      { conflicts: [{ agencyId: 'a-9', reason: 'x' }, { agencyId: 'a-9', reason: 'y' }] },
      'PROJECTS.DUPLICATE_CONFLICT@conflicts[1].agencyId',
    ],
  ])('refuses %s, naming the field', (_case, overrides, expected) => {
    expect(refusalOf(() => Project.draft(OWNER, aDraftInput(overrides), DEFAULT_PROJECT_POLICY, DRAFTED_AT, POSTING))).toBe(expected);
  });

  it('allows direct selection under 100,000 yuan and refuses it at or over the threshold', () => {
    const direct = { method: 'DIRECT_SELECTION' as const, justification: '抢险工程，时间紧迫' };
    expect(aDraft({ budgetCapFen: 99_999_99, selection: direct }).snapshot.terms.selection.method).toBe('DIRECT_SELECTION');
    expect(refusalOf(() => aDraft({ budgetCapFen: 100_000_00, selection: direct }))).toBe('PROJECTS.DIRECT_SELECTION_OVER_THRESHOLD@selection.method');
    expect(refusalOf(() => aDraft({ budgetCapFen: 250_000_00, selection: direct }))).toBe('PROJECTS.DIRECT_SELECTION_OVER_THRESHOLD@selection.method');
  });

  it('takes the direct-selection threshold from the policy', () => {
    const policy = { ...DEFAULT_PROJECT_POLICY, directSelectionBelowFen: 50_000_00 };
    const direct = { method: 'DIRECT_SELECTION' as const, justification: '单一来源' };
    expect(refusalOf(() => aDraft({ budgetCapFen: 60_000_00, selection: direct }, policy))).toBe('PROJECTS.DIRECT_SELECTION_OVER_THRESHOLD@selection.method');
    expect(aDraft({ budgetCapFen: 40_000_00, selection: direct }, policy).snapshot.policy.directSelectionBelowFen).toBe(50_000_00);
  });

  it('refuses an unsound policy', () => {
    expect(refusalOf(() => aDraft({}, { ...DEFAULT_PROJECT_POLICY, publicityDays: 0 }))).toBe('PROJECTS.INVALID_POLICY@policy.publicityDays');
  });
});

describe('Project.reviseDraft', () => {
  it('lets the owner edit a draft without an amendment, listing what changed', () => {
    const project = aDraft();
    const events = project.reviseDraft(OWNER, { title: '新标题', budgetCapFen: 280_000_00 }, DRAFTED_AT, POSTING);
    expect(events).toEqual([expect.objectContaining({ kind: 'draft-revised', changedFields: ['title', 'budgetCapFen'] })]);
    expect(project.snapshot).toMatchObject({ amendments: 0, terms: { title: '新标题', budgetCapFen: 280_000_00 } });
  });

  it('refuses a revision that changes nothing, an unknown field, and any revision after publication', () => {
    const project = aDraft();
    expect(refusalOf(() => project.reviseDraft(OWNER, { title: aDraftInput().title }, DRAFTED_AT, POSTING))).toBe('PROJECTS.NO_CHANGE@changes');
    expect(refusalOf(() => project.reviseDraft(OWNER, { ownerId: 'me' } as never, DRAFTED_AT, POSTING))).toBe('PROJECTS.UNKNOWN_FIELD@ownerId');
    project.publish(OWNER, DRAFTED_AT, POSTING);
    expect(refusalOf(() => project.reviseDraft(OWNER, { title: 'x' }, DRAFTED_AT, POSTING))).toBe('PROJECTS.WRONG_STATUS@status');
  });
});

describe('Project.publish', () => {
  it('announces the project with its rules fixed, starting round 1', () => {
    const project = aDraft();
    const events = project.publish(OWNER, DRAFTED_AT, POSTING);
    expect(project.snapshot).toMatchObject({ status: 'PUBLISHED', round: 1, publishedAt: '2024-03-01T00:00:00.000Z' });
    expect(events).toEqual([{ kind: 'published', projectId: 'p-1', at: '2024-03-01T00:00:00.000Z', round: 1, terms: project.snapshot.terms, policy: DEFAULT_PROJECT_POLICY }]);
  });

  it('is the owner’s alone', () => {
    expect(refusalOf(() => aDraft().publish(OTHER_OWNER, DRAFTED_AT, POSTING))).toBe('PROJECTS.NOT_PROJECT_OWNER@null');
    expect(refusalOf(() => aDraft().publish(agency('a-1'), DRAFTED_AT, POSTING))).toBe('PROJECTS.OWNER_ONLY@null');
  });

  it('refuses a window that leaves less than the minimum sign-up time, or has already closed', () => {
    expect(refusalOf(() => aDraft().publish(OWNER, at('2024-03-04T10:00:00+08:00'), POSTING))).toBe('PROJECTS.SIGN_UP_WINDOW_TOO_SHORT@signUp.closesAt');
    expect(refusalOf(() => aDraft().publish(OWNER, at('2024-03-07T10:00:00+08:00'), POSTING))).toBe('PROJECTS.SIGN_UP_WINDOW_TOO_SHORT@signUp.closesAt');
  });

  it('refuses a bidding project whose deadline has passed', () => {
    const project = aDraft({ selection: BIDDING, signUp: { mode: 'ALL_ELIGIBLE' } });
    expect(refusalOf(() => project.publish(OWNER, at('2024-03-08T09:00:00+08:00'), POSTING))).toBe('PROJECTS.BID_DEADLINE_PASSED@selection.bidDeadline');
  });

  it('happens once', () => {
    const project = aPublishedProject();
    expect(refusalOf(() => project.publish(OWNER, DRAFTED_AT, POSTING))).toBe('PROJECTS.WRONG_STATUS@status');
  });
});

describe('Project.amend', () => {
  const later = at('2024-03-03T10:00:00+08:00');

  it('records a numbered amendment with its reason and reopens sign-up by moving the close later', () => {
    const project = aPublishedProject();
    const events = project.amend(OWNER, { reason: '补充技术要求', changes: { description: '新增噪声评价', signUp: { mode: 'WINDOW', opensAt: '2024-03-01T09:00:00+08:00', closesAt: '2024-03-09T09:00:00+08:00' } } }, later, POSTING);
    expect(events).toEqual([expect.objectContaining({ kind: 'amended', amendment: 1, reason: '补充技术要求', changedFields: ['description', 'signUp'], droppedSignUps: [] })]);
    expect(project.snapshot).toMatchObject({ status: 'PUBLISHED', amendments: 1, terms: { signUp: { closesAt: '2024-03-09T01:00:00.000Z' } } });
  });

  it('refuses an amendment that does not extend the window, or delays its opening', () => {
    const project = aPublishedProject();
    expect(refusalOf(() => project.amend(OWNER, { reason: 'r', changes: { description: 'd' } }, later, POSTING))).toBe('PROJECTS.AMENDMENT_MUST_EXTEND_SIGN_UP@signUp.closesAt');
    const delayed = { mode: 'WINDOW' as const, opensAt: '2024-03-04T09:00:00+08:00', closesAt: '2024-03-09T09:00:00+08:00' };
    expect(refusalOf(() => project.amend(OWNER, { reason: 'r', changes: { signUp: delayed } }, later, POSTING))).toBe('PROJECTS.AMENDMENT_MUST_EXTEND_SIGN_UP@signUp.opensAt');
    expect(project.snapshot.amendments).toBe(0);
  });

  it('refuses an extension that leaves agencies less than the minimum time from now', () => {
    const project = aPublishedProject();
    const short = { mode: 'WINDOW' as const, opensAt: '2024-03-01T09:00:00+08:00', closesAt: '2024-03-06T10:00:00+08:00' };
    expect(refusalOf(() => project.amend(OWNER, { reason: 'r', changes: { signUp: short } }, at('2024-03-05T09:00:00+08:00'), POSTING))).toBe(
      'PROJECTS.SIGN_UP_WINDOW_TOO_SHORT@signUp.closesAt',
    );
  });

  it('reopens a window that closed before the scheduler acted', () => {
    const project = aPublishedProject();
    const afterClose = at('2024-03-06T12:00:00+08:00');
    project.amend(OWNER, { reason: '延长报名', changes: { signUp: { mode: 'WINDOW', opensAt: '2024-03-01T09:00:00+08:00', closesAt: '2024-03-10T12:00:00+08:00' } } }, afterClose, POSTING);
    expect(kinds(project.signUp(agency('a-1'), afterClose))).toEqual(['signed-up']);
  });

  it('drops the sign-up of an agency newly declared in conflict', () => {
    const project = aPublishedProject();
    project.signUp(agency('a-1'), later);
    project.signUp(agency('a-2'), later);
    const events = project.amend(
      OWNER,
      {
        reason: '补充回避',
        changes: {
          conflicts: [...aDraftInput().conflicts!, { agencyId: 'a-2', reason: '曾为本项目做前期咨询' }],
          signUp: { mode: 'WINDOW', opensAt: '2024-03-01T09:00:00+08:00', closesAt: '2024-03-09T09:00:00+08:00' },
        },
      },
      later,
      POSTING,
    );
    expect(eventOf(events, 'amended').droppedSignUps).toEqual([{ agencyId: 'a-2', reason: 'CONFLICT_DECLARED' }]);
    expect(project.snapshot.signUps.map((s) => s.agencyId)).toEqual(['a-1']);
  });

  it('may switch to direct selection only under the threshold', () => {
    const project = aPublishedProject();
    const direct = { method: 'DIRECT_SELECTION' as const, justification: '应急' };
    const signUp = { mode: 'WINDOW' as const, opensAt: '2024-03-01T09:00:00+08:00', closesAt: '2024-03-09T09:00:00+08:00' };
    expect(refusalOf(() => project.amend(OWNER, { reason: 'r', changes: { selection: direct, signUp } }, later, POSTING))).toBe('PROJECTS.DIRECT_SELECTION_OVER_THRESHOLD@selection.method');
    project.amend(OWNER, { reason: '预算下调', changes: { selection: direct, signUp, budgetCapFen: 80_000_00 } }, later, POSTING);
    expect(project.snapshot.terms.selection.method).toBe('DIRECT_SELECTION');
  });

  it('states the announced values it changed, before and after, and nothing of the conflict list', () => {
    const project = aPublishedProject();
    project.signUp(agency('a-2'), later);
    const events = project.amend(
      OWNER,
      {
        reason: '预算调整并改用 drand',
        changes: {
          budgetCapFen: 250_000_00,
          selection: { method: 'RANDOM_DRAW', winners: 2, alternates: 2, minimumCandidates: 3, entropySource: 'drand' },
          signUp: { mode: 'WINDOW', opensAt: OPENS_AT, closesAt: '2024-03-09T09:00:00+08:00' },
          conflicts: [...aDraftInput().conflicts!, { agencyId: 'a-2', reason: '曾为本项目做前期咨询' }],
        },
      },
      later,
      POSTING,
    );
    const amended = eventOf(events, 'amended');
    expect(amended.changedFields).toEqual(['budgetCapFen', 'selection', 'signUp', 'conflicts']);
    expect(amended.announcedChanges).toEqual([
      { term: 'budgetCapFen', before: 300_000_00, after: 250_000_00 },
      { term: 'selection.winners', before: 1, after: 2 },
      { term: 'selection.entropySource', before: 'witnesses', after: 'drand' },
      { term: 'signUp.closesAt', before: '2024-03-06T01:00:00.000Z', after: '2024-03-09T01:00:00.000Z' },
    ]);
    const published = JSON.stringify(amended.announcedChanges);
    for (const secret of ['conflicts', 'a-2', 'a-related', '曾为本项目做前期咨询', '与业主存在股权关联']) expect(published).not.toContain(secret);
  });

  it('names the parameters one method has and the other lacks as null on that side, observers one by one', () => {
    const project = aPublishedProject({ selection: { ...BIDDING, bidDeadline: '2024-03-12T09:00:00+08:00' } });
    const notary = { userId: '6f1c2a9e-0c1d-4e55-9a43-5b7f0d3c2e10', label: '公证员 张敏' };
    const events = project.amend(
      OWNER,
      { reason: '改为随机抽取', changes: { selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 1, minimumCandidates: 3, observers: [notary] }, signUp: { mode: 'ALL_ELIGIBLE' } } },
      later,
      POSTING,
    );
    expect(eventOf(events, 'amended').announcedChanges).toEqual([
      { term: 'selection.method', before: 'BIDDING', after: 'RANDOM_DRAW' },
      { term: 'selection.minimumValidBids', before: 3, after: null },
      { term: 'selection.evaluation.rule', before: 'REASONABLE_LOW', after: null },
      { term: 'selection.evaluation.abnormallyLowFraction', before: 0.8, after: null },
      { term: 'selection.quoteForm', before: 'AMOUNT', after: null },
      { term: 'selection.bidDeadline', before: '2024-03-12T01:00:00.000Z', after: null },
      { term: 'selection.alternates', before: null, after: 1 },
      { term: 'selection.minimumCandidates', before: null, after: 3 },
      { term: 'selection.observers[0].userId', before: null, after: notary.userId },
      { term: 'selection.observers[0].label', before: null, after: notary.label },
      { term: 'selection.entropySource', before: null, after: 'witnesses' },
      { term: 'signUp.mode', before: 'WINDOW', after: 'ALL_ELIGIBLE' },
      { term: 'signUp.opensAt', before: '2024-03-01T01:00:00.000Z', after: null },
      { term: 'signUp.closesAt', before: '2024-03-06T01:00:00.000Z', after: null },
    ]);
  });

  it('announces no changed value when only the private conflict list changed', () => {
    const project = aPublishedProject({ signUp: { mode: 'ALL_ELIGIBLE' } });
    const events = project.amend(OWNER, { reason: '补充说明', changes: { conflicts: [{ agencyId: 'a-9', reason: '关联' }] } }, later, POSTING);
    expect(eventOf(events, 'amended')).toMatchObject({ changedFields: ['conflicts'], announcedChanges: [] });
  });

  it('needs a reason, the owner, and the PUBLISHED status', () => {
    const signUp = { mode: 'WINDOW' as const, opensAt: '2024-03-01T09:00:00+08:00', closesAt: '2024-03-09T09:00:00+08:00' };
    expect(refusalOf(() => aPublishedProject().amend(OWNER, { reason: ' ', changes: { signUp } }, later, POSTING))).toBe('PROJECTS.TEXT_REQUIRED@reason');
    expect(refusalOf(() => aPublishedProject().amend(OTHER_OWNER, { reason: 'r', changes: { signUp } }, later, POSTING))).toBe('PROJECTS.NOT_PROJECT_OWNER@null');
    expect(refusalOf(() => aDraft().amend(OWNER, { reason: 'r', changes: { signUp } }, later, POSTING))).toBe('PROJECTS.WRONG_STATUS@status');
    expect(refusalOf(() => aProjectInSelection().amend(OWNER, { reason: 'r', changes: { signUp } }, later, POSTING))).toBe('PROJECTS.WRONG_STATUS@status');
  });
});

describe('sign-up (报名)', () => {
  const during = at('2024-03-02T10:00:00+08:00');

  it('records a sign-up during the window and a withdrawal before it closes', () => {
    const project = aPublishedProject();
    expect(project.signUp(agency('a-1'), during)).toEqual([{ kind: 'signed-up', projectId: 'p-1', at: '2024-03-02T02:00:00.000Z', round: 1, agencyId: 'a-1' }]);
    expect(kinds(project.withdrawSignUp(agency('a-1'), at('2024-03-06T08:59:59+08:00')))).toEqual(['sign-up-withdrawn']);
    expect(project.snapshot.signUps).toEqual([]);
  });

  it('lets an agency sign up again after withdrawing', () => {
    const project = aPublishedProject();
    project.signUp(agency('a-1'), during);
    project.withdrawSignUp(agency('a-1'), during);
    project.signUp(agency('a-1'), at('2024-03-03T10:00:00+08:00'));
    expect(project.snapshot.signUps).toEqual([{ agencyId: 'a-1', at: '2024-03-03T02:00:00.000Z' }]);
  });

  it('refuses a sign-up before the window opens and from its close on', () => {
    const project = aPublishedProject();
    expect(refusalOf(() => project.signUp(agency('a-1'), at('2024-03-01T08:59:59+08:00')))).toBe('PROJECTS.SIGN_UP_NOT_OPEN@signUp.opensAt');
    expect(refusalOf(() => project.signUp(agency('a-1'), at(CLOSES_AT)))).toBe('PROJECTS.SIGN_UP_CLOSED@signUp.closesAt');
  });

  it('refuses a duplicate sign-up and an agency on the conflict list', () => {
    const project = aPublishedProject();
    project.signUp(agency('a-1'), during);
    expect(refusalOf(() => project.signUp(agency('a-1'), during))).toBe('PROJECTS.ALREADY_SIGNED_UP@agencyId');
    expect(refusalOf(() => project.signUp(agency('a-related'), during))).toBe('PROJECTS.AGENCY_IN_CONFLICT@null');
  });

  it('is for agencies only, and only while PUBLISHED', () => {
    expect(refusalOf(() => aPublishedProject().signUp(OWNER, during))).toBe('PROJECTS.AGENCY_ONLY@null');
    expect(refusalOf(() => aDraft().signUp(agency('a-1'), during))).toBe('PROJECTS.WRONG_STATUS@status');
  });

  it('refuses withdrawing without a sign-up, or after the close', () => {
    const project = aPublishedProject();
    expect(refusalOf(() => project.withdrawSignUp(agency('a-1'), during))).toBe('PROJECTS.NOT_SIGNED_UP@agencyId');
    project.signUp(agency('a-1'), during);
    expect(refusalOf(() => project.withdrawSignUp(agency('a-1'), at(CLOSES_AT)))).toBe('PROJECTS.SIGN_UP_CLOSED@signUp.closesAt');
  });

  it('does not exist for a project open to all eligible agencies', () => {
    const project = aPublishedProject({ signUp: { mode: 'ALL_ELIGIBLE' } });
    expect(refusalOf(() => project.signUp(agency('a-1'), during))).toBe('PROJECTS.NO_SIGN_UP@signUp.mode');
  });
});

describe('the start of selection', () => {
  function withSignUps(ids: string[], overrides = {}): Project {
    const project = aPublishedProject(overrides);
    ids.forEach((id) => project.signUp(agency(id), at('2024-03-02T10:00:00+08:00')));
    return project;
  }

  it('does not close sign-up before the window’s end', () => {
    expect(refusalOf(() => withSignUps(['a-1']).closeSignUp(at('2024-03-06T08:59:59+08:00')))).toBe('PROJECTS.TOO_EARLY@signUp.closesAt');
  });

  it('closes sign-up into SELECTING with a request carrying everything the draw needs', () => {
    const project = withSignUps(['a-3', 'a-1', 'a-2']);
    const events = project.closeSignUp(at(CLOSES_AT));
    expect(kinds(events)).toEqual(['sign-up-closed', 'selection-requested']);
    expect(eventOf(events, 'selection-requested')).toEqual({
      kind: 'selection-requested',
      projectId: 'p-1',
      at: '2024-03-06T01:00:00.000Z',
      round: 1,
      reason: 'SIGN_UP_CLOSED',
      ownerId: 'owner-1',
      serviceItemCode: 'EIA-REPORT',
      requiredLevel: 3,
      region: '330100',
      budgetCapFen: 300_000_00,
      servicePeriodDays: 30,
      selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 2, minimumCandidates: 3 },
      excluded: [{ agencyId: 'a-related', reason: '与业主存在股权关联', source: 'OWNER_CONFLICT' }],
      candidates: { mode: 'SIGNED_UP', agencyIds: ['a-3', 'a-1', 'a-2'] },
    });
    expect(project.snapshot.status).toBe('SELECTING');
  });

  it('fails the round (流标) when fewer agencies signed up than the minimum, requesting no selection', () => {
    const project = withSignUps(['a-1', 'a-2']);
    const events = project.closeSignUp(at(CLOSES_AT));
    expect(kinds(events)).toEqual(['sign-up-closed', 'round-failed']);
    expect(eventOf(events, 'round-failed')).toMatchObject({ round: 1, reason: 'TOO_FEW_SIGN_UPS', required: 3, actual: 2 });
    expect(project.snapshot).toMatchObject({ status: 'FAILED', failure: { round: 1, reason: 'TOO_FEW_SIGN_UPS' } });
  });

  it('counts the minimum valid bids of a bidding project against its sign-ups', () => {
    const project = withSignUps(['a-1', 'a-2'], { selection: BIDDING });
    project.closeSignUp(at(CLOSES_AT));
    expect(project.snapshot.failure).toMatchObject({ reason: 'TOO_FEW_SIGN_UPS' });
  });

  it('starts selection among all eligible agencies when the owner requests it, if there is no sign-up', () => {
    const project = aPublishedProject({ signUp: { mode: 'ALL_ELIGIBLE' } });
    expect(refusalOf(() => project.closeSignUp(at(CLOSES_AT)))).toBe('PROJECTS.NO_SIGN_UP@signUp.mode');
    expect(refusalOf(() => project.requestSelection(agency('a-1'), DRAFTED_AT))).toBe('PROJECTS.OWNER_ONLY@null');
    const events = project.requestSelection(OWNER, at('2024-03-02T10:00:00+08:00'));
    expect(eventOf(events, 'selection-requested')).toMatchObject({ reason: 'OWNER_REQUESTED', candidates: { mode: 'ALL_ELIGIBLE' } });
    expect(project.snapshot.status).toBe('SELECTING');
  });

  it('leaves a windowed project’s start to the window, and a bidding project’s to before its deadline', () => {
    expect(refusalOf(() => aPublishedProject().requestSelection(OWNER, DRAFTED_AT))).toBe('PROJECTS.SIGN_UP_REQUIRED@signUp.mode');
    const bidding = aPublishedProject({ selection: BIDDING, signUp: { mode: 'ALL_ELIGIBLE' } });
    expect(refusalOf(() => bidding.requestSelection(OWNER, at(BIDDING.bidDeadline)))).toBe('PROJECTS.BID_DEADLINE_PASSED@selection.bidDeadline');
  });
});

describe('the selection result', () => {
  const draw = { method: 'RANDOM_DRAW' as const, round: 1, drawId: 'd-1', poolSize: 4, winners: ['a-2'], alternates: ['a-4', 'a-1'] };

  it('publishes winners and ordered alternates and opens publicity for the configured days', () => {
    const project = aProjectInSelection();
    const events = project.recordSelectionResult(draw, RESULT_AT);
    expect(events).toEqual([
      {
        kind: 'selection-recorded',
        projectId: 'p-1',
        at: '2024-03-07T02:00:00.000Z',
        round: 1,
        source: { kind: 'DRAW', drawId: 'd-1', poolSize: 4 },
        winners: [{ agencyId: 'a-2', quote: null }],
        succession: [
          { agencyId: 'a-4', quote: null },
          { agencyId: 'a-1', quote: null },
        ],
        publicityEndsAt: '2024-03-10T02:00:00.000Z',
      },
    ]);
    expect(project.snapshot.status).toBe('PUBLICITY');
  });

  it('fails the round when the frozen pool is below the minimum', () => {
    const project = aProjectInSelection();
    const events = project.recordSelectionResult({ ...draw, poolSize: 2, winners: [], alternates: [] }, RESULT_AT);
    expect(events).toEqual([
      expect.objectContaining({ kind: 'round-failed', reason: 'TOO_FEW_CANDIDATES', required: 3, actual: 2, source: { kind: 'DRAW', drawId: 'd-1', poolSize: 2 } }),
    ]);
    expect(project.snapshot.status).toBe('FAILED');
  });

  it.each([
    ['a result of another round', { round: 2 }, 'PROJECTS.STALE_SELECTION_RESULT@round'],
    ['a result of another method', { method: 'CREDIT_WEIGHTED_DRAW' as const }, 'PROJECTS.METHOD_MISMATCH@method'],
    ['a winner on the conflict list', { winners: ['a-related'] }, 'PROJECTS.CANDIDATE_IN_CONFLICT@winners[0]'],
    ['an alternate who did not sign up', { alternates: ['a-9'] }, 'PROJECTS.CANDIDATE_NOT_SIGNED_UP@alternates[0]'],
    ['an agency named twice', { alternates: ['a-2'] }, 'PROJECTS.INVALID_SELECTION_RESULT@candidates[1]'],
    ['the wrong number of winners', { winners: ['a-2', 'a-3'] }, 'PROJECTS.INVALID_SELECTION_RESULT@winners'],
    ['more alternates than announced', { alternates: ['a-4', 'a-1', 'a-3'] }, 'PROJECTS.INVALID_SELECTION_RESULT@alternates'],
    ['a pool larger than the sign-ups', { poolSize: 5 }, 'PROJECTS.INVALID_SELECTION_RESULT@poolSize'],
  ])('refuses %s and changes nothing', (_case, change, expected) => {
    const project = aProjectInSelection();
    const before = project.snapshot;
    expect(refusalOf(() => project.recordSelectionResult({ ...draw, ...change } as never, RESULT_AT))).toBe(expected);
    expect(project.snapshot).toBe(before);
  });

  it('is taken only while SELECTING', () => {
    expect(refusalOf(() => aPublishedProject().recordSelectionResult(draw, RESULT_AT))).toBe('PROJECTS.WRONG_STATUS@status');
  });

  describe('of bidding', () => {
    const bids = (amounts: number[]) => amounts.map((amountFen, i) => ({ agencyId: `a-${i + 1}`, quote: { form: 'AMOUNT' as const, amountFen } }));
    const result = { method: 'BIDDING' as const, round: 1, biddingId: 'b-1', validBidCount: 4, rankedBids: bids([250_000_00, 260_000_00, 270_000_00, 280_000_00]) };
    const afterDeadline = at('2024-03-08T10:00:00+08:00');

    it('is refused while bids are sealed', () => {
      const project = aProjectInSelection(undefined, { selection: BIDDING });
      expect(refusalOf(() => project.recordSelectionResult(result, at('2024-03-08T08:59:59+08:00')))).toBe('PROJECTS.TOO_EARLY@selection.bidDeadline');
    });

    it('makes the best valid bid the winner and the rest the order of succession', () => {
      const project = aProjectInSelection(undefined, { selection: BIDDING });
      const recorded = eventOf(project.recordSelectionResult(result, afterDeadline), 'selection-recorded');
      expect(recorded.winners).toEqual([{ agencyId: 'a-1', quote: { form: 'AMOUNT', amountFen: 250_000_00 } }]);
      expect(recorded.succession.map((c) => c.agencyId)).toEqual(['a-2', 'a-3', 'a-4']);
    });

    it('fails the round with too few valid bids', () => {
      const project = aProjectInSelection(undefined, { selection: BIDDING });
      const events = project.recordSelectionResult({ ...result, validBidCount: 2, rankedBids: bids([250_000_00, 260_000_00]) }, afterDeadline);
      expect(eventOf(events, 'round-failed')).toMatchObject({ reason: 'TOO_FEW_VALID_BIDS', required: 3, actual: 2 });
    });

    it('refuses a winning amount over the cap and a quote of the wrong form', () => {
      const project = aProjectInSelection(undefined, { selection: BIDDING });
      expect(refusalOf(() => project.recordSelectionResult({ ...result, rankedBids: bids([300_000_01, 1, 2, 3]) }, afterDeadline))).toBe(
        'PROJECTS.INVALID_SELECTION_RESULT@rankedBids[0].quote.amountFen',
      );
      const rate = [{ agencyId: 'a-1', quote: { form: 'DISCOUNT_RATE' as const, rate: 0.1 } }];
      expect(refusalOf(() => project.recordSelectionResult({ ...result, validBidCount: 3, rankedBids: rate }, afterDeadline))).toBe(
        'PROJECTS.INVALID_SELECTION_RESULT@rankedBids[0].quote.form',
      );
    });
  });

  describe('of direct selection', () => {
    const direct = { budgetCapFen: 80_000_00, selection: { method: 'DIRECT_SELECTION' as const, justification: '原设计单位续作' } };

    it('is the owner naming an allowed agency, published like any other result', () => {
      const project = aProjectInSelection(['a-1'], direct);
      expect(refusalOf(() => project.selectDirectly(agency('a-1'), 'a-1', RESULT_AT))).toBe('PROJECTS.OWNER_ONLY@null');
      expect(refusalOf(() => project.selectDirectly(OWNER, 'a-related', RESULT_AT))).toBe('PROJECTS.CANDIDATE_IN_CONFLICT@agencyId');
      expect(refusalOf(() => project.selectDirectly(OWNER, 'a-2', RESULT_AT))).toBe('PROJECTS.CANDIDATE_NOT_SIGNED_UP@agencyId');
      const recorded = eventOf(project.selectDirectly(OWNER, 'a-1', RESULT_AT), 'selection-recorded');
      expect(recorded).toMatchObject({ source: { kind: 'DIRECT', chosenBy: 'u-owner' }, winners: [{ agencyId: 'a-1' }], succession: [] });
    });

    it('is refused for a project with another method, and takes no result message', () => {
      expect(refusalOf(() => aProjectInSelection().selectDirectly(OWNER, 'a-1', RESULT_AT))).toBe('PROJECTS.METHOD_MISMATCH@selection.method');
      expect(refusalOf(() => aProjectInSelection(['a-1'], direct).recordSelectionResult({ ...draw, method: 'RANDOM_DRAW' }, RESULT_AT))).toBe(
        'PROJECTS.METHOD_MISMATCH@method',
      );
    });
  });
});

describe('publicity (公示) and objections', () => {
  const during = at('2024-03-08T10:00:00+08:00');
  const file = (project: Project, agencyId: string, objectionId: string, when = during) =>
    project.fileObjection(agency(agencyId), { objectionId, grounds: '中选机构资质证书已过期' }, when);

  it('takes an objection from an agency during publicity', () => {
    const project = aProjectInPublicity();
    expect(file(project, 'a-3', 'o-1')).toEqual([
      { kind: 'objection-filed', projectId: 'p-1', at: '2024-03-08T02:00:00.000Z', round: 1, objectionId: 'o-1', agencyId: 'a-3', grounds: '中选机构资质证书已过期' },
    ]);
    expect(project.snapshot.objections[0]).toMatchObject({ id: 'o-1', status: 'PENDING', ruling: null });
  });

  it('refuses an objection from publicity’s end on', () => {
    expect(refusalOf(() => file(aProjectInPublicity(), 'a-3', 'o-1', PUBLICITY_ENDS_AT))).toBe('PROJECTS.PUBLICITY_OVER@publicityEndsAt');
  });

  it('refuses an objection from a non-agency, a reused id, a second pending one, and one without grounds', () => {
    const project = aProjectInPublicity();
    expect(refusalOf(() => project.fileObjection(OWNER, { objectionId: 'o-1', grounds: 'x' }, during))).toBe('PROJECTS.AGENCY_ONLY@null');
    file(project, 'a-3', 'o-1');
    expect(refusalOf(() => file(project, 'a-1', 'o-1'))).toBe('PROJECTS.DUPLICATE_OBJECTION@objectionId');
    expect(refusalOf(() => file(project, 'a-3', 'o-2'))).toBe('PROJECTS.OBJECTION_ALREADY_PENDING@objectionId');
    expect(refusalOf(() => project.fileObjection(agency('a-1'), { objectionId: 'o-3', grounds: '' }, during))).toBe('PROJECTS.TEXT_REQUIRED@grounds');
  });

  it('refuses an objection outside publicity', () => {
    expect(refusalOf(() => file(aProjectInSelection(), 'a-3', 'o-1'))).toBe('PROJECTS.WRONG_STATUS@status');
  });

  it('does not end publicity early, and awards when it ends with nothing pending', () => {
    const project = aProjectInPublicity();
    expect(refusalOf(() => project.endPublicity(at('2024-03-10T09:59:59+08:00')))).toBe('PROJECTS.TOO_EARLY@publicityEndsAt');
    const events = project.endPublicity(PUBLICITY_ENDS_AT);
    expect(events).toEqual([
      {
        kind: 'awarded',
        projectId: 'p-1',
        at: '2024-03-10T02:00:00.000Z',
        round: 1,
        winners: [{ agencyId: 'a-2', quote: null, respondBy: '2024-03-12T02:00:00.000Z' }],
      },
    ]);
    expect(project.snapshot).toMatchObject({ status: 'AWARDED', successors: [{ agencyId: 'a-4' }, { agencyId: 'a-1' }] });
  });

  it('lets only a supervisor rule, with a reason, once, on an objection that exists', () => {
    const project = aProjectInPublicity();
    file(project, 'a-3', 'o-1');
    const ruling = { objectionId: 'o-1', verdict: 'DISMISSED' as const, reason: '证书在有效期内' };
    expect(refusalOf(() => project.ruleOnObjection(OWNER, ruling, during))).toBe('PROJECTS.SUPERVISOR_ONLY@null');
    expect(refusalOf(() => project.ruleOnObjection(SUPERVISOR, { ...ruling, objectionId: 'o-9' }, during))).toBe('PROJECTS.OBJECTION_NOT_FOUND@null');
    expect(refusalOf(() => project.ruleOnObjection(SUPERVISOR, { ...ruling, reason: '' }, during))).toBe('PROJECTS.TEXT_REQUIRED@reason');
    expect(refusalOf(() => project.ruleOnObjection(SUPERVISOR, { ...ruling, verdict: 'MAYBE' as never }, during))).toBe('PROJECTS.INVALID_VERDICT@verdict');
    expect(project.ruleOnObjection(SUPERVISOR, ruling, during)).toEqual([
      { kind: 'objection-dismissed', projectId: 'p-1', at: '2024-03-08T02:00:00.000Z', round: 1, objectionId: 'o-1', supervisorId: 'u-supervisor', reason: '证书在有效期内' },
    ]);
    expect(project.snapshot.status).toBe('PUBLICITY');
    expect(refusalOf(() => project.ruleOnObjection(SUPERVISOR, ruling, during))).toBe('PROJECTS.OBJECTION_ALREADY_RULED@objectionId');
  });

  it('holds the award while an objection is pending at publicity’s end, and awards with the last dismissal', () => {
    const project = aProjectInPublicity();
    file(project, 'a-3', 'o-1');
    expect(project.endPublicity(PUBLICITY_ENDS_AT)).toEqual([
      { kind: 'publicity-end-deferred', projectId: 'p-1', at: '2024-03-10T02:00:00.000Z', round: 1, pendingObjectionIds: ['o-1'] },
    ]);
    expect(project.snapshot.status).toBe('PUBLICITY');
    const ruledAt = at('2024-03-11T10:00:00+08:00');
    const events = project.ruleOnObjection(SUPERVISOR, { objectionId: 'o-1', verdict: 'DISMISSED', reason: '无事实依据' }, ruledAt);
    expect(kinds(events)).toEqual(['objection-dismissed', 'awarded']);
    expect(eventOf(events, 'awarded').winners[0].respondBy).toBe('2024-03-13T02:00:00.000Z');
    expect(project.snapshot.status).toBe('AWARDED');
  });

  it('voids the selection when an objection is upheld and starts a new round of selection with a recorded reason', () => {
    const project = aProjectInPublicity();
    file(project, 'a-3', 'o-1');
    file(project, 'a-1', 'o-2');
    const events = project.ruleOnObjection(
        SUPERVISOR,
        { objectionId: 'o-1', verdict: 'UPHELD', reason: '中选机构资质已过期', exclude: [{ agencyId: 'a-2', reason: '资质过期' }] },
        at('2024-03-09T10:00:00+08:00'),
      );
    expect(kinds(events)).toEqual(['objection-upheld', 'selection-requested']);
    expect(eventOf(events, 'objection-upheld')).toMatchObject({ round: 1, nextRound: 2, mootObjectionIds: ['o-2'], exclusions: [{ agencyId: 'a-2', reason: '资质过期' }] });
    expect(eventOf(events, 'selection-requested')).toMatchObject({
      round: 2,
      reason: 'OBJECTION_UPHELD',
      candidates: { mode: 'SIGNED_UP', agencyIds: ['a-1', 'a-3', 'a-4'] },
      excluded: [
        { agencyId: 'a-related', source: 'OWNER_CONFLICT' },
        { agencyId: 'a-2', reason: '资质过期', source: 'OBJECTION_RULING' },
      ],
    });
    expect(project.snapshot).toMatchObject({ status: 'SELECTING', round: 2, selection: null });
    expect(project.snapshot.objections.map((o) => o.status)).toEqual(['UPHELD', 'MOOT']);
  });

  it('takes the new round’s result and refuses the voided round’s', () => {
    const project = aProjectInPublicity();
    file(project, 'a-3', 'o-1');
    project.ruleOnObjection(SUPERVISOR, { objectionId: 'o-1', verdict: 'UPHELD', reason: '抽取程序违规' }, during);
    const redraw = { method: 'RANDOM_DRAW' as const, round: 1, drawId: 'd-1', poolSize: 4, winners: ['a-2'], alternates: [] };
    expect(refusalOf(() => project.recordSelectionResult(redraw, during))).toBe('PROJECTS.STALE_SELECTION_RESULT@round');
    const events = project.recordSelectionResult({ ...redraw, round: 2, drawId: 'd-2', winners: ['a-3'] }, during);
    expect(eventOf(events, 'selection-recorded')).toMatchObject({ round: 2, winners: [{ agencyId: 'a-3' }] });
  });

  it('refuses the excluded agency in the new round', () => {
    const project = aProjectInPublicity();
    file(project, 'a-3', 'o-1');
    project.ruleOnObjection(SUPERVISOR, { objectionId: 'o-1', verdict: 'UPHELD', reason: 'r', exclude: [{ agencyId: 'a-2', reason: '串通' }] }, during);
    const redraw = { method: 'RANDOM_DRAW' as const, round: 2, drawId: 'd-2', poolSize: 3, winners: ['a-2'], alternates: [] };
    expect(refusalOf(() => project.recordSelectionResult(redraw, during))).toBe('PROJECTS.CANDIDATE_EXCLUDED@winners[0]');
  });

  it('fails the round when an upheld objection leaves too few signed-up candidates', () => {
    const project = aProjectInPublicity();
    file(project, 'a-3', 'o-1');
    const events = project.ruleOnObjection(SUPERVISOR, { objectionId: 'o-1', verdict: 'UPHELD', reason: 'r', exclude: [{ agencyId: 'a-2', reason: 'x' }, { agencyId: 'a-4', reason: 'y' }] }, during);
    expect(kinds(events)).toEqual(['objection-upheld', 'round-failed']);
    expect(eventOf(events, 'round-failed')).toMatchObject({ round: 2, reason: 'TOO_FEW_SIGN_UPS', required: 3, actual: 2 });
    expect(project.snapshot.status).toBe('FAILED');
  });

  it('refuses exclusions with a dismissal', () => {
    const project = aProjectInPublicity();
    file(project, 'a-3', 'o-1');
    expect(refusalOf(() => project.ruleOnObjection(SUPERVISOR, { objectionId: 'o-1', verdict: 'DISMISSED', reason: 'r', exclude: [{ agencyId: 'a-2', reason: 'x' }] }, during))).toBe(
      'PROJECTS.EXCLUSION_NEEDS_UPHELD_OBJECTION@exclude',
    );
  });
});

describe('the winner’s response', () => {
  const inTime = at('2024-03-11T10:00:00+08:00');
  const deadline = at('2024-03-12T10:00:00+08:00');

  it('accepts before the deadline', () => {
    const project = anAwardedProject();
    expect(project.acceptAward(agency('a-2'), inTime)).toEqual([{ kind: 'award-accepted', projectId: 'p-1', at: '2024-03-11T02:00:00.000Z', round: 1, agencyId: 'a-2' }]);
    expect(project.snapshot.seats[0].acceptedAt).toBe('2024-03-11T02:00:00.000Z');
    expect(refusalOf(() => project.acceptAward(agency('a-2'), inTime))).toBe('PROJECTS.ALREADY_ACCEPTED@agencyId');
    expect(refusalOf(() => project.declineAward(agency('a-2'), '人手不足', inTime))).toBe('PROJECTS.ALREADY_ACCEPTED@agencyId');
  });

  it('refuses a response from an agency that was not selected, or by anyone but an agency', () => {
    const project = anAwardedProject();
    expect(refusalOf(() => project.acceptAward(agency('a-4'), inTime))).toBe('PROJECTS.NOT_SELECTED@null');
    expect(refusalOf(() => project.acceptAward(OWNER, inTime))).toBe('PROJECTS.AGENCY_ONLY@null');
  });

  it('refuses a response from the deadline on, and an expiry before it', () => {
    const project = anAwardedProject();
    expect(refusalOf(() => project.expireWinnerResponse(at('2024-03-12T09:59:59+08:00')))).toBe('PROJECTS.TOO_EARLY@respondBy');
    expect(refusalOf(() => project.acceptAward(agency('a-2'), deadline))).toBe('PROJECTS.RESPONSE_DEADLINE_PASSED@respondBy');
    expect(refusalOf(() => project.declineAward(agency('a-2'), '来不及', deadline))).toBe('PROJECTS.RESPONSE_DEADLINE_PASSED@respondBy');
  });

  it('needs a reason to decline', () => {
    expect(refusalOf(() => anAwardedProject().declineAward(agency('a-2'), ' ', inTime))).toBe('PROJECTS.TEXT_REQUIRED@reason');
  });

  it('promotes the alternates in order on decline and silence, and fails the round when no one is left', () => {
    const project = anAwardedProject();

    const first = project.declineAward(agency('a-2'), '项目负责人离职', inTime);
    expect(first).toEqual([
      { kind: 'award-declined', projectId: 'p-1', at: '2024-03-11T02:00:00.000Z', round: 1, agencyId: 'a-2', cause: 'DECLINED', reason: '项目负责人离职' },
      {
        kind: 'successor-promoted',
        projectId: 'p-1',
        at: '2024-03-11T02:00:00.000Z',
        round: 1,
        agencyId: 'a-4',
        quote: null,
        replaces: 'a-2',
        from: 'ALTERNATE',
        respondBy: '2024-03-13T02:00:00.000Z',
      },
    ]);

    // a-4 stays silent past its own deadline.
    expect(refusalOf(() => project.expireWinnerResponse(deadline))).toBe('PROJECTS.TOO_EARLY@respondBy');
    const second = project.expireWinnerResponse(at('2024-03-13T10:00:00+08:00'));
    expect(second.map((e) => [e.kind, 'agencyId' in e ? e.agencyId : null])).toEqual([
      ['award-declined', 'a-4'],
      ['successor-promoted', 'a-1'],
    ]);
    expect(eventOf(second, 'award-declined').cause).toBe('NO_RESPONSE');

    const third = project.declineAward(agency('a-1'), '无法按期完成', at('2024-03-14T10:00:00+08:00'));
    expect(kinds(third)).toEqual(['award-declined', 'round-failed']);
    expect(eventOf(third, 'round-failed')).toMatchObject({ reason: 'NO_ALTERNATE_LEFT' });
    expect(project.snapshot).toMatchObject({ status: 'FAILED', failure: { round: 1, reason: 'NO_ALTERNATE_LEFT' } });
    expect(project.snapshot.declines.map((d) => [d.agencyId, d.cause])).toEqual([
      ['a-2', 'DECLINED'],
      ['a-4', 'NO_RESPONSE'],
      ['a-1', 'DECLINED'],
    ]);
  });

  it('promotes the next valid bid, with its quote, after bidding', () => {
    const project = aProjectInSelection(undefined, { selection: BIDDING });
    const rankedBids = ['a-3', 'a-1', 'a-4'].map((agencyId, i) => ({ agencyId, quote: { form: 'AMOUNT' as const, amountFen: 250_000_00 + i * 10_000_00 } }));
    project.recordSelectionResult({ method: 'BIDDING', round: 1, biddingId: 'b-1', validBidCount: 3, rankedBids }, at('2024-03-08T10:00:00+08:00'));
    project.endPublicity(at('2024-03-11T10:00:00+08:00'));
    const events = project.declineAward(agency('a-3'), '报价失误', at('2024-03-11T12:00:00+08:00'));
    expect(eventOf(events, 'successor-promoted')).toMatchObject({ agencyId: 'a-1', from: 'NEXT_VALID_BID', quote: { form: 'AMOUNT', amountFen: 260_000_00 } });
  });

  it('with several winners, treats only the overdue place as declined', () => {
    const project = aProjectInSelection(undefined, { selection: { method: 'RANDOM_DRAW', winners: 2, alternates: 1, minimumCandidates: 3 } });
    project.recordSelectionResult({ method: 'RANDOM_DRAW', round: 1, drawId: 'd-1', poolSize: 4, winners: ['a-1', 'a-2'], alternates: ['a-3'] }, RESULT_AT);
    project.endPublicity(PUBLICITY_ENDS_AT);
    project.acceptAward(agency('a-1'), inTime);
    const events = project.expireWinnerResponse(deadline);
    expect(events.map((e) => [e.kind, 'agencyId' in e ? e.agencyId : null])).toEqual([
      ['award-declined', 'a-2'],
      ['successor-promoted', 'a-3'],
    ]);
    expect(project.snapshot.seats.map((s) => [s.agencyId, Boolean(s.acceptedAt)])).toEqual([
      ['a-1', true],
      ['a-3', false],
    ]);
  });
});

describe('contract, completion and evaluation', () => {
  const accepted = () => {
    const project = anAwardedProject();
    project.acceptAward(agency('a-2'), at('2024-03-11T10:00:00+08:00'));
    return project;
  };
  const contracted = () => {
    const project = accepted();
    project.recordContract(OWNER, { agencyId: 'a-2', amountFen: 280_000_00, startDate: '2024-03-15' }, at('2024-03-14T10:00:00+08:00'));
    return project;
  };
  const completed = (completionDate = '2024-04-10') => {
    const project = contracted();
    project.recordCompletion(OWNER, { agencyId: 'a-2', completionDate }, at('2024-04-20T10:00:00+08:00'));
    return project;
  };

  it('records the contract and starts the service clock', () => {
    const project = accepted();
    const events = project.recordContract(OWNER, { agencyId: 'a-2', amountFen: 280_000_00, startDate: '2024-03-15' }, at('2024-03-14T10:00:00+08:00'));
    expect(events).toEqual([
      { kind: 'contract-recorded', projectId: 'p-1', at: '2024-03-14T02:00:00.000Z', agencyId: 'a-2', amountFen: 280_000_00, startDate: '2024-03-15', dueDate: '2024-04-14' },
      { kind: 'contracted', projectId: 'p-1', at: '2024-03-14T02:00:00.000Z' },
    ]);
    expect(project.snapshot.status).toBe('CONTRACTED');
  });

  it('waits for the winner to accept', () => {
    expect(refusalOf(() => anAwardedProject().recordContract(OWNER, { agencyId: 'a-2', amountFen: 1, startDate: '2024-03-15' }, at('2024-03-11T10:00:00+08:00')))).toBe(
      'PROJECTS.AWAITING_WINNER_RESPONSE@seats',
    );
  });

  it.each([
    ['an amount over the budget cap', { amountFen: 300_000_01 }, 'PROJECTS.CONTRACT_OVER_CEILING@amountFen'],
    ['a zero amount', { amountFen: 0 }, 'PROJECTS.INVALID_AMOUNT@amountFen'],
    ['an agency that did not win', { agencyId: 'a-4' }, 'PROJECTS.NOT_A_WINNER@agencyId'],
    ['a start before the award', { startDate: '2024-03-09' }, 'PROJECTS.START_BEFORE_AWARD@startDate'],
    ['a start date that does not exist', { startDate: '2024-02-30' }, 'PROJECTS.INVALID_DATE@startDate'],
  ])('refuses %s', (_case, change, expected) => {
    const input = { agencyId: 'a-2', amountFen: 280_000_00, startDate: '2024-03-15', ...change };
    expect(refusalOf(() => accepted().recordContract(OWNER, input, at('2024-03-14T10:00:00+08:00')))).toBe(expected);
  });

  it('refuses a contract over the winning bid', () => {
    const project = aProjectInSelection(undefined, { selection: BIDDING });
    const rankedBids = ['a-3', 'a-1', 'a-4'].map((agencyId) => ({ agencyId, quote: { form: 'AMOUNT' as const, amountFen: 250_000_00 } }));
    project.recordSelectionResult({ method: 'BIDDING', round: 1, biddingId: 'b-1', validBidCount: 3, rankedBids }, at('2024-03-08T10:00:00+08:00'));
    project.endPublicity(at('2024-03-11T10:00:00+08:00'));
    project.acceptAward(agency('a-3'), at('2024-03-11T11:00:00+08:00'));
    expect(refusalOf(() => project.recordContract(OWNER, { agencyId: 'a-3', amountFen: 250_000_01, startDate: '2024-03-15' }, at('2024-03-12T10:00:00+08:00')))).toBe(
      'PROJECTS.CONTRACT_OVER_CEILING@amountFen',
    );
  });

  it('is recorded by the owner only, once', () => {
    expect(refusalOf(() => accepted().recordContract(agency('a-2'), { agencyId: 'a-2', amountFen: 1, startDate: '2024-03-15' }, at('2024-03-14T10:00:00+08:00')))).toBe(
      'PROJECTS.OWNER_ONLY@null',
    );
    expect(refusalOf(() => contracted().recordContract(OWNER, { agencyId: 'a-2', amountFen: 1, startDate: '2024-03-15' }, at('2024-03-14T10:00:00+08:00')))).toBe(
      'PROJECTS.WRONG_STATUS@status',
    );
  });

  it('records completion on time up to the due date, and late after it', () => {
    const onTime = contracted();
    const events = onTime.recordCompletion(OWNER, { agencyId: 'a-2', completionDate: '2024-04-14' }, at('2024-04-15T10:00:00+08:00'));
    expect(events).toEqual([
      {
        kind: 'completion-recorded',
        projectId: 'p-1',
        at: '2024-04-15T02:00:00.000Z',
        agencyId: 'a-2',
        completionDate: '2024-04-14',
        dueDate: '2024-04-14',
        daysTaken: 30,
        daysLate: 0,
        onTime: true,
      },
      { kind: 'completed', projectId: 'p-1', at: '2024-04-15T02:00:00.000Z' },
    ]);
    const late = contracted();
    expect(eventOf(late.recordCompletion(OWNER, { agencyId: 'a-2', completionDate: '2024-04-17' }, at('2024-04-20T10:00:00+08:00')), 'completion-recorded')).toMatchObject({
      onTime: false,
      daysLate: 3,
    });
  });

  it('refuses a completion before the start, in the future, or before the contract', () => {
    expect(refusalOf(() => contracted().recordCompletion(OWNER, { agencyId: 'a-2', completionDate: '2024-03-14' }, at('2024-04-20T10:00:00+08:00')))).toBe(
      'PROJECTS.COMPLETION_BEFORE_START@completionDate',
    );
    // 2024-04-10 01:00 in Beijing is still 9 April in UTC: "today" is the marketplace's civil date.
    expect(refusalOf(() => contracted().recordCompletion(OWNER, { agencyId: 'a-2', completionDate: '2024-04-11' }, at('2024-04-10T01:00:00+08:00')))).toBe(
      'PROJECTS.COMPLETION_IN_FUTURE@completionDate',
    );
    expect(contracted().recordCompletion(OWNER, { agencyId: 'a-2', completionDate: '2024-04-10' }, at('2024-04-10T01:00:00+08:00'))).toHaveLength(2);
    expect(refusalOf(() => accepted().recordCompletion(OWNER, { agencyId: 'a-2', completionDate: '2024-04-10' }, at('2024-04-20T10:00:00+08:00')))).toBe(
      'PROJECTS.WRONG_STATUS@status',
    );
  });

  it('evaluates the agency with what its credit record needs', () => {
    const project = completed('2024-04-17');
    const events = project.evaluate(OWNER, { agencyId: 'a-2', quality: 4, feeCompliant: true, comment: '报告质量良好，略有延期' }, at('2024-04-21T10:00:00+08:00'));
    expect(events).toEqual([
      {
        kind: 'agency-evaluated',
        projectId: 'p-1',
        at: '2024-04-21T02:00:00.000Z',
        agencyId: 'a-2',
        ownerId: 'owner-1',
        serviceItemCode: 'EIA-REPORT',
        servicePeriodDays: 30,
        contractAmountFen: 280_000_00,
        onTime: false,
        daysLate: 3,
        quality: 4,
        feeCompliant: true,
        comment: '报告质量良好，略有延期',
      },
      { kind: 'evaluated', projectId: 'p-1', at: '2024-04-21T02:00:00.000Z' },
    ]);
    expect(project.snapshot.status).toBe('EVALUATED');
  });

  it.each([
    ['quality 6', { quality: 6 }, 'PROJECTS.INVALID_QUALITY@quality'],
    ['quality 2.5', { quality: 2.5 }, 'PROJECTS.INVALID_QUALITY@quality'],
    ['fee compliance that is not yes or no', { feeCompliant: 'yes' as never }, 'PROJECTS.INVALID_FEE_COMPLIANCE@feeCompliant'],
    ['a poor quality rating without a comment', { quality: 2, comment: '' }, 'PROJECTS.EVALUATION_REASON_REQUIRED@comment'],
    ['a fee breach without a comment', { feeCompliant: false, comment: undefined }, 'PROJECTS.EVALUATION_REASON_REQUIRED@comment'],
    ['an agency that did not win', { agencyId: 'a-4' }, 'PROJECTS.NOT_A_WINNER@agencyId'],
  ])('refuses an evaluation with %s', (_case, change, expected) => {
    const input = { agencyId: 'a-2', quality: 4, feeCompliant: true, comment: '', ...change };
    expect(refusalOf(() => completed().evaluate(OWNER, input, at('2024-04-21T10:00:00+08:00')))).toBe(expected);
  });

  it('refuses an evaluation before completion and a second one', () => {
    expect(refusalOf(() => contracted().evaluate(OWNER, { agencyId: 'a-2', quality: 5, feeCompliant: true }, at('2024-04-21T10:00:00+08:00')))).toBe(
      'PROJECTS.WRONG_STATUS@status',
    );
    const project = completed();
    project.evaluate(OWNER, { agencyId: 'a-2', quality: 5, feeCompliant: true }, at('2024-04-21T10:00:00+08:00'));
    expect(refusalOf(() => project.evaluate(OWNER, { agencyId: 'a-2', quality: 5, feeCompliant: true }, at('2024-04-21T10:00:00+08:00')))).toBe(
      'PROJECTS.WRONG_STATUS@status',
    );
  });

  it('with several winners, moves on only when every winner is through each step', () => {
    const project = aProjectInSelection(undefined, { selection: { method: 'RANDOM_DRAW', winners: 2, alternates: 0, minimumCandidates: 3 } });
    project.recordSelectionResult({ method: 'RANDOM_DRAW', round: 1, drawId: 'd-1', poolSize: 4, winners: ['a-1', 'a-2'], alternates: [] }, RESULT_AT);
    project.endPublicity(PUBLICITY_ENDS_AT);
    project.acceptAward(agency('a-1'), at('2024-03-11T10:00:00+08:00'));
    project.acceptAward(agency('a-2'), at('2024-03-11T10:00:00+08:00'));
    const when = at('2024-03-14T10:00:00+08:00');
    expect(kinds(project.recordContract(OWNER, { agencyId: 'a-1', amountFen: 100_000_00, startDate: '2024-03-15' }, when))).toEqual(['contract-recorded']);
    expect(project.snapshot.status).toBe('AWARDED');
    expect(refusalOf(() => project.recordContract(OWNER, { agencyId: 'a-1', amountFen: 100_000_00, startDate: '2024-03-15' }, when))).toBe(
      'PROJECTS.CONTRACT_ALREADY_RECORDED@agencyId',
    );
    expect(kinds(project.recordContract(OWNER, { agencyId: 'a-2', amountFen: 120_000_00, startDate: '2024-03-16' }, when))).toEqual(['contract-recorded', 'contracted']);
    expect(project.snapshot.status).toBe('CONTRACTED');
  });
});

describe('repost after a failed round', () => {
  const failed = (overrides = {}) => aProjectInSelection(['a-1', 'a-2'], overrides);
  const later = at('2024-03-07T10:00:00+08:00');
  const newWindow = { mode: 'WINDOW' as const, opensAt: '2024-03-07T10:00:00+08:00', closesAt: '2024-03-12T10:00:00+08:00' };

  it('opens a new round with a new window and no sign-ups carried over', () => {
    const project = failed();
    const events = project.repost(OWNER, { reason: '报名不足三家，重新发布', changes: { signUp: newWindow } }, later, POSTING);
    expect(events).toEqual([expect.objectContaining({ kind: 'reposted', round: 2, reason: '报名不足三家，重新发布', changedFields: ['signUp'] })]);
    expect(project.snapshot).toMatchObject({ status: 'PUBLISHED', round: 2, signUps: [], failure: null });
    expect(eventOf(project.signUp(agency('a-1'), at('2024-03-08T10:00:00+08:00')), 'signed-up').round).toBe(2);
  });

  it('may switch the selection method, e.g. from a draw to bidding among all eligible agencies', () => {
    const project = failed();
    project.repost(OWNER, { changes: { signUp: { mode: 'ALL_ELIGIBLE' }, selection: { ...BIDDING, bidDeadline: '2024-03-12T09:00:00+08:00' } } }, later, POSTING);
    expect(project.snapshot.terms.selection.method).toBe('BIDDING');
    expect(eventOf(project.requestSelection(OWNER, later), 'selection-requested')).toMatchObject({ round: 2, candidates: { mode: 'ALL_ELIGIBLE' } });
  });

  it('refuses the old window, and reposting anything but a failed project', () => {
    expect(refusalOf(() => failed().repost(OWNER, {}, later, POSTING))).toBe('PROJECTS.SIGN_UP_WINDOW_TOO_SHORT@signUp.closesAt');
    expect(refusalOf(() => aProjectInSelection().repost(OWNER, { changes: { signUp: newWindow } }, later, POSTING))).toBe('PROJECTS.WRONG_STATUS@status');
    expect(refusalOf(() => failed().repost(OTHER_OWNER, { changes: { signUp: newWindow } }, later, POSTING))).toBe('PROJECTS.NOT_PROJECT_OWNER@null');
  });

  it('keeps the direct-selection threshold when switching method', () => {
    const direct = { method: 'DIRECT_SELECTION' as const, justification: '两次流标' };
    expect(refusalOf(() => failed().repost(OWNER, { changes: { signUp: newWindow, selection: direct } }, later, POSTING))).toBe(
      'PROJECTS.DIRECT_SELECTION_OVER_THRESHOLD@selection.method',
    );
  });
});

describe('Project.cancel', () => {
  it.each([
    ['DRAFT', () => aDraft()],
    ['PUBLISHED', () => aPublishedProject()],
    ['FAILED', () => aProjectInSelection(['a-1'])],
  ])('lets the owner cancel a %s project, with a reason', (from, make) => {
    const project = make();
    const events = project.cancel(OWNER, '项目取消立项', at('2024-03-07T10:00:00+08:00'));
    expect(events).toEqual([{ kind: 'cancelled', projectId: 'p-1', at: '2024-03-07T02:00:00.000Z', from, reason: '项目取消立项' }]);
    expect(project.snapshot.status).toBe('CANCELLED');
  });

  it.each([
    ['SELECTING', () => aProjectInSelection()],
    ['PUBLICITY', () => aProjectInPublicity()],
    ['AWARDED', () => anAwardedProject()],
  ])('refuses to cancel once selection has started (%s)', (_status, make) => {
    expect(refusalOf(() => make().cancel(OWNER, 'r', at('2024-03-11T10:00:00+08:00')))).toBe('PROJECTS.WRONG_STATUS@status');
  });

  it('needs a reason and the owner', () => {
    expect(refusalOf(() => aDraft().cancel(OWNER, '', DRAFTED_AT))).toBe('PROJECTS.TEXT_REQUIRED@reason');
    expect(refusalOf(() => aDraft().cancel(SUPERVISOR, 'r', DRAFTED_AT))).toBe('PROJECTS.OWNER_ONLY@null');
  });

  it('is final', () => {
    const project = aDraft();
    project.cancel(OWNER, 'r', DRAFTED_AT);
    expect(refusalOf(() => project.publish(OWNER, DRAFTED_AT, POSTING))).toBe('PROJECTS.WRONG_STATUS@status');
  });
});

describe('Project.restore', () => {
  it('continues from a stored snapshot', () => {
    const stored: ProjectState = JSON.parse(JSON.stringify(aProjectInPublicity().snapshot));
    const project = Project.restore(stored);
    expect(kinds(project.endPublicity(PUBLICITY_ENDS_AT))).toEqual(['awarded']);
  });

  it('refuses a clock reading that is not a time', () => {
    expect(refusalOf(() => aDraft().publish(OWNER, new Date('nonsense'), POSTING))).toBe('PROJECTS.INVALID_TIME@now');
  });
});

describe('the lifecycle', () => {
  it('walks every transition of the table, and no other', () => {
    const moves = new Set<string>();
    const step = (project: Project, act: (p: Project) => unknown) => {
      const from = project.snapshot.status;
      act(project);
      moves.add(`${from}->${project.snapshot.status}`);
      return project;
    };
    const upheld = (exclude: { agencyId: string; reason: string }[]) => (p: Project) => {
      p.fileObjection(agency('a-3'), { objectionId: `o-${p.snapshot.round}`, grounds: 'g' }, at('2024-03-08T10:00:00+08:00'));
      return p.ruleOnObjection(SUPERVISOR, { objectionId: `o-${p.snapshot.round}`, verdict: 'UPHELD', reason: 'r', exclude }, at('2024-03-08T11:00:00+08:00'));
    };
    const draw = (round: number) => ({ method: 'RANDOM_DRAW' as const, round, drawId: `d-${round}`, poolSize: 4, winners: ['a-2'], alternates: [] });

    // The whole road, through one upheld objection.
    const full = aDraft();
    step(full, (p) => p.publish(OWNER, DRAFTED_AT, POSTING));
    ['a-1', 'a-2', 'a-3', 'a-4'].forEach((id) => full.signUp(agency(id), at('2024-03-02T10:00:00+08:00')));
    step(full, (p) => p.closeSignUp(at(CLOSES_AT)));
    step(full, (p) => p.recordSelectionResult(draw(1), RESULT_AT));
    step(full, upheld([]));
    step(full, (p) => p.recordSelectionResult(draw(2), at('2024-03-09T10:00:00+08:00')));
    step(full, (p) => p.endPublicity(at('2024-03-12T10:00:00+08:00')));
    full.acceptAward(agency('a-2'), at('2024-03-12T11:00:00+08:00'));
    step(full, (p) => p.recordContract(OWNER, { agencyId: 'a-2', amountFen: 1_000_00, startDate: '2024-03-13' }, at('2024-03-12T12:00:00+08:00')));
    step(full, (p) => p.recordCompletion(OWNER, { agencyId: 'a-2', completionDate: '2024-04-01' }, at('2024-04-02T10:00:00+08:00')));
    step(full, (p) => p.evaluate(OWNER, { agencyId: 'a-2', quality: 5, feeCompliant: true }, at('2024-04-03T10:00:00+08:00')));

    step(aDraft(), (p) => p.cancel(OWNER, 'r', DRAFTED_AT));
    step(aPublishedProject(), (p) => p.cancel(OWNER, 'r', DRAFTED_AT));
    const reposted = step(aPublishedProject(), (p) => p.closeSignUp(at(CLOSES_AT)));
    step(reposted, (p) => p.repost(OWNER, { changes: { signUp: { mode: 'WINDOW', opensAt: CLOSES_AT, closesAt: '2024-03-10T09:00:00+08:00' } } }, at(CLOSES_AT), POSTING));
    step(step(aProjectInSelection(), (p) => p.recordSelectionResult({ ...draw(1), poolSize: 1, winners: [] }, RESULT_AT)), (p) => p.cancel(OWNER, 'r', RESULT_AT));
    const thin = aProjectInSelection(['a-1', 'a-2', 'a-3']);
    thin.recordSelectionResult({ ...draw(1), poolSize: 3 }, RESULT_AT);
    step(thin, upheld([{ agencyId: 'a-2', reason: 'x' }]));
    const alone = aProjectInSelection();
    alone.recordSelectionResult(draw(1), RESULT_AT);
    alone.endPublicity(PUBLICITY_ENDS_AT);
    step(alone, (p) => p.expireWinnerResponse(at('2024-03-20T10:00:00+08:00')));

    const table = (Object.entries(PROJECT_TRANSITIONS) as [ProjectStatus, readonly ProjectStatus[]][]).flatMap(([from, tos]) => tos.map((to) => `${from}->${to}`));
    expect([...moves].filter((move) => !table.includes(move))).toEqual([]);
    expect(table.filter((move) => !moves.has(move))).toEqual([]);
  });

  it('ends in EVALUATED and CANCELLED', () => {
    expect(PROJECT_TRANSITIONS.EVALUATED).toEqual([]);
    expect(PROJECT_TRANSITIONS.CANCELLED).toEqual([]);
  });
});

describe('observers of a draw', () => {
  const ME = { ...OWNER, userId: '11111111-2222-4333-8444-555555555555' };
  const notary = { userId: '6f1c2a9e-0c1d-4e55-9a43-5b7f0d3c2e10', label: '公证员 张敏' };
  const withObservers = (observers: unknown[]) => aDraftInput({ selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 2, minimumCandidates: 3, observers } as never });

  it('keeps the observers the owner names in the terms, and carries them through publication', () => {
    const { project } = Project.draft(ME, withObservers([notary]), DEFAULT_PROJECT_POLICY, DRAFTED_AT, POSTING);
    project.publish(ME, DRAFTED_AT, POSTING);
    expect(project.snapshot.terms.selection).toMatchObject({ observers: [notary] });
  });

  it('refuses the posting user as an observer of their own project, when drafting and when revising', () => {
    expect(refusalOf(() => Project.draft(ME, withObservers([notary, { userId: ME.userId, label: 'me' }]), DEFAULT_PROJECT_POLICY, DRAFTED_AT, POSTING))).toBe(
      'PROJECTS.INVALID_OBSERVERS@selection.observers[1].userId',
    );
    const { project } = Project.draft(ME, withObservers([notary]), DEFAULT_PROJECT_POLICY, DRAFTED_AT, POSTING);
    const selection = { method: 'RANDOM_DRAW', winners: 1, alternates: 2, minimumCandidates: 3, observers: [{ userId: ME.userId.toUpperCase(), label: 'me' }] };
    expect(refusalOf(() => project.reviseDraft(ME, { selection } as never, DRAFTED_AT, POSTING))).toBe('PROJECTS.INVALID_OBSERVERS@selection.observers[0].userId');
  });

  it('sees no change in a rule written before observers existed', () => {
    const project = aDraft();
    expect(refusalOf(() => project.reviseDraft(OWNER, { selection: { ...aDraftInput().selection, observers: [] } as never }, DRAFTED_AT, POSTING))).toBe('PROJECTS.NO_CHANGE@changes');
  });
});

describe('the entropy source of a draw', () => {
  const drand = { method: 'RANDOM_DRAW' as const, winners: 1, alternates: 2, minimumCandidates: 3, entropySource: 'drand' as const };
  const window = { mode: 'WINDOW' as const, opensAt: '2024-03-01T09:00:00+08:00', closesAt: '2024-03-09T09:00:00+08:00' };

  it('is fixed at publication and handed to the selection request', () => {
    const project = aPublishedProject({ selection: drand, signUp: { mode: 'ALL_ELIGIBLE' } });
    expect(project.snapshot.terms.selection).toMatchObject({ entropySource: 'drand' });
    expect(eventOf(project.requestSelection(OWNER, at('2024-03-02T10:00:00+08:00')), 'selection-requested').selection).toMatchObject({ entropySource: 'drand' });
  });

  it('changes after publication only by a recorded amendment', () => {
    const project = aPublishedProject();
    const events = project.amend(OWNER, { reason: '改用 drand 公共随机数', changes: { selection: drand, signUp: window } }, at('2024-03-03T10:00:00+08:00'), POSTING);
    expect(eventOf(events, 'amended').changedFields).toEqual(['selection', 'signUp']);
    expect(project.snapshot.terms.selection).toMatchObject({ entropySource: 'drand' });
  });

  it('sees no change when witnesses, the default, is named outright', () => {
    const project = aDraft();
    expect(refusalOf(() => project.reviseDraft(OWNER, { selection: { ...aDraftInput().selection, entropySource: 'witnesses' } as never }, DRAFTED_AT, POSTING))).toBe('PROJECTS.NO_CHANGE@changes');
  });

  it('refuses observers on a drand draw, naming them, when drafting and when amending', () => {
    const notary = { userId: '6f1c2a9e-0c1d-4e55-9a43-5b7f0d3c2e10', label: '公证员 张敏' };
    expect(refusalOf(() => Project.draft(OWNER, aDraftInput({ selection: { ...drand, observers: [notary] } }), DEFAULT_PROJECT_POLICY, DRAFTED_AT, POSTING))).toBe(
      'PROJECTS.INVALID_OBSERVERS@selection.observers',
    );
    const changes = { selection: { ...drand, observers: [notary] }, signUp: window };
    expect(refusalOf(() => aPublishedProject().amend(OWNER, { reason: 'r', changes }, at('2024-03-03T10:00:00+08:00'), POSTING))).toBe('PROJECTS.INVALID_OBSERVERS@selection.observers');
  });
});
