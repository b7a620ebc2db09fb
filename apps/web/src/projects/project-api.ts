import { api } from '../app/api';

export type ProjectStatus = 'DRAFT' | 'PUBLISHED' | 'SELECTING' | 'PUBLICITY' | 'AWARDED' | 'CONTRACTED' | 'COMPLETED' | 'EVALUATED' | 'FAILED' | 'CANCELLED';
export type Quote = { readonly form: 'AMOUNT'; readonly amountFen: number } | { readonly form: 'DISCOUNT_RATE'; readonly rate: number };
export type SignUpRule = { readonly mode: 'WINDOW'; readonly opensAt: string; readonly closesAt: string } | { readonly mode: 'ALL_ELIGIBLE' };

export interface Candidate {
  readonly agencyId: string;
  readonly quote: Quote | null;
}

export interface SelectionOutcome {
  readonly round: number;
  readonly source: { readonly kind: 'DRAW' | 'BIDDING' | 'DIRECT'; readonly drawId?: string; readonly biddingId?: string };
  readonly winners: readonly Candidate[];
  readonly succession?: readonly Candidate[];
  readonly publicityEndsAt: string;
}

/** What a credit-weighted draw (信用择优) announces: firms below the threshold drop out, the rest are weighted by the function. */
export interface CreditRule {
  readonly minimumCreditScore: number;
  readonly weightFunction: string;
}

/** A draw's entropy source as the projects API states it: null where nothing is drawn (absent from older services). */
export type EntropySourceName = 'witnesses' | 'drand' | null | undefined;

/** GET /api/projects/announcements: what anyone may see of a published project. */
export interface Announcement {
  readonly id: string;
  readonly status: ProjectStatus;
  readonly round: number;
  readonly title: string;
  readonly serviceItemCode: string;
  readonly region: string;
  readonly budgetCapFen: number;
  readonly requiredLevel: number;
  readonly servicePeriodDays: number;
  readonly method: string;
  /** A draw's entropy source, fixed at publication; null for bidding and direct selection (absent from older services). */
  readonly entropySource?: 'witnesses' | 'drand' | null;
  /** A credit-weighted draw's threshold and weight function; null for other methods (absent from older services). */
  readonly creditRule?: CreditRule | null;
  readonly signUp: SignUpRule;
  readonly publishedAt: string | null;
  readonly selection: SelectionOutcome | null;
  readonly failure: { readonly round: number; readonly reason: string; readonly at: string } | null;
  /** Recorded amendments of the announcement, oldest first (absent from services that predate them). */
  readonly amendments?: readonly Amendment[];
}

export interface Seat {
  readonly agencyId: string;
  readonly quote: Quote | null;
  readonly respondBy: string;
  readonly acceptedAt: string | null;
  readonly contract: { readonly amountFen: number; readonly startDate: string; readonly dueDate: string } | null;
  readonly completion: { readonly completionDate: string; readonly daysTaken: number; readonly daysLate: number; readonly onTime: boolean } | null;
  readonly evaluation: { readonly quality: number; readonly feeCompliant: boolean; readonly comment: string } | null;
}

export interface Objection {
  readonly id: string;
  readonly round: number;
  readonly agencyId: string;
  readonly grounds: string;
  readonly filedAt: string;
  readonly status: 'PENDING' | 'UPHELD' | 'DISMISSED' | 'MOOT';
  readonly ruling: { readonly reason: string; readonly at: string } | null;
}

/** GET /api/projects/projects/:id: the whole project, for its owner and supervisors only. */
export interface ProjectDetail {
  readonly id: string;
  readonly ownerId: string;
  readonly status: ProjectStatus;
  readonly round: number;
  readonly terms: {
    readonly title: string;
    readonly serviceItemCode: string;
    readonly description: string;
    readonly budgetCapFen: number;
    readonly requiredLevel: number;
    readonly region: string;
    readonly servicePeriodDays: number;
    readonly selection: { readonly method: string } & Record<string, unknown>;
    readonly signUp: SignUpRule;
    readonly conflicts: readonly { readonly agencyId: string; readonly reason: string }[];
  };
  readonly signUps: readonly { readonly agencyId: string; readonly at: string }[];
  readonly selection: SelectionOutcome | null;
  readonly objections: readonly Objection[];
  readonly seats: readonly Seat[];
  readonly failure: { readonly reason: string } | null;
  /** Agencies an upheld objection excluded from later rounds. */
  readonly exclusions?: readonly { readonly agencyId: string }[];
  /** The platform's rules in force when the project was drafted (thresholds, windows). */
  readonly policy?: { readonly directSelectionBelowFen: number; readonly minimumSignUpHours: number };
  readonly history?: readonly HistoryEntry[];
}

/** One step of a project's own history, as the projects service recorded it. */
export interface HistoryEntry {
  readonly seq: number;
  readonly kind: string;
  readonly at: string;
  readonly event: Readonly<Record<string, unknown>>;
}

/** A recorded amendment (变更) of a published announcement: its number, time, reason and the terms it changed. */
export interface Amendment {
  readonly amendment: number;
  readonly at: string;
  readonly reason: string;
  readonly changedFields: readonly string[];
}

/** The amendments in a project's history, in order. */
export function amendmentsIn(history: readonly HistoryEntry[] | undefined): Amendment[] {
  return (history ?? [])
    .filter((h) => h.kind === 'amended')
    .map((h) => ({ amendment: Number(h.event['amendment']), at: h.at, reason: String(h.event['reason'] ?? ''), changedFields: (h.event['changedFields'] as string[] | undefined) ?? [] }));
}

/** A person the owner named to witness a draw; their slot in the plan is `OBSERVER:<userId>`. */
export interface DrawObserver {
  readonly userId: string;
  readonly label: string;
}

export const observerSlotOf = (userId: string) => `OBSERVER:${userId}`;

/** GET /api/draw/observed-draws: the draws that name the signed-in user as an observer. */
export interface ObservedDraw {
  readonly drawId: string;
  readonly projectId: string;
  readonly round: number;
  readonly status: string;
  readonly revealDeadline: string;
  readonly overdueAt: string | null;
  readonly label: string | null;
  readonly awaitingValue: boolean;
  readonly enteredValue: string | null;
}

export interface DrawView {
  readonly drawId: string;
  readonly projectId: string;
  readonly round: number;
  readonly status: 'COMMITTED' | 'REVEALED' | string;
  readonly tieBreak: unknown;
  readonly revealDeadline: string | null;
  readonly commitment: {
    readonly commitment: string;
    /** Witnesses (with observers), or the drand chain and the round the commitment fixed. */
    readonly entropyPlan: { readonly source: string; readonly witnesses?: readonly string[]; readonly observers?: readonly DrawObserver[]; readonly chainHash?: string; readonly round?: number };
    readonly pool?: readonly string[];
    /** Weighted draws only: each pool member's weight by the published function, in pool order. */
    readonly weights?: readonly { readonly id: string; readonly weight: number }[];
    readonly exclusions?: readonly { readonly agencyId: string; readonly reason: string }[];
  } & Record<string, unknown>;
  readonly witnessValues: readonly { readonly witness: string; readonly value: string }[];
  readonly record: { readonly winners: readonly string[]; readonly alternates: readonly string[]; readonly entropy?: DrawEntropy } | null;
}

/** The entropy a revealed draw used: the witnesses' values, or the drand beacon with its BLS signature. */
export type DrawEntropy =
  | { readonly source: 'witnesses'; readonly values: readonly { readonly witness: string; readonly value: string }[] }
  | { readonly source: 'drand'; readonly chainHash: string; readonly round: number; readonly signature: string; readonly randomness: string };

export interface RevealedBid {
  readonly agencyId: string;
  readonly commitment: string;
  readonly quote: Quote;
  readonly servicePeriodDays: number;
  readonly note: string | null;
  readonly salt: string;
  readonly priceFen: number | null;
  readonly invalidReason: string | null;
}

/** GET /api/bidding/biddings/:id: sealed commitments until the close, then the revealed table and the ranking. */
export interface BiddingView {
  readonly biddingId: string;
  readonly projectId: string;
  readonly round: number;
  readonly status: string;
  readonly voidReason: string | null;
  readonly rules: { readonly deadline: string; readonly capFen: number; readonly quoteForm: 'AMOUNT' | 'DISCOUNT_RATE'; readonly evaluation: { readonly kind: string }; readonly minimumValidBids: number; readonly winners: number };
  readonly serviceItemCode: string;
  readonly openedAt: string;
  readonly sealedCommitments?: readonly string[];
  readonly closedAt?: string;
  readonly closing?: {
    readonly revealed: readonly RevealedBid[];
    readonly mean: { readonly sumFen: number; readonly count: number } | null;
    readonly setAside: readonly { readonly agencyId: string; readonly priceFen: number; readonly reason: string; readonly thresholdFen: number }[];
    readonly failure: { readonly reason: string; readonly required: number; readonly actual: number } | null;
  } | null;
  readonly ranking?: readonly { readonly agencyId: string; readonly priceFen: number; readonly position: number }[] | null;
  readonly tieBreakDrawIds?: readonly string[];
  readonly submissions?: readonly { readonly agencyId: string; readonly commitment: string; readonly status: string; readonly submittedAt: string; readonly endedAt: string | null }[];
}

/** What the project waits for and from whom (GET /api/projects/mine). */
export interface NextAction {
  readonly kind: string;
  readonly by: 'OWNER' | 'AGENCY' | 'SUPERVISOR' | 'MARKETPLACE';
  readonly due: string | null;
}

export interface OwnProject {
  readonly id: string;
  readonly title: string;
  readonly serviceItemCode: string;
  readonly method: string;
  readonly entropySource?: EntropySourceName;
  readonly status: ProjectStatus;
  readonly round: number;
  readonly budgetCapFen: number;
  readonly updatedAt: string;
  readonly signUpCount: number;
  readonly pendingObjections: number;
  readonly nextAction: NextAction | null;
}

export interface Page<T> {
  readonly offset: number;
  readonly limit: number;
  readonly total: number;
  readonly items: readonly T[];
}

/** GET /api/projects/sign-ups/mine: a project the agency signed up for, and how it fared. */
export interface OwnSignUp {
  readonly projectId: string;
  readonly title: string;
  readonly serviceItemCode: string;
  readonly method: string;
  readonly entropySource?: EntropySourceName;
  readonly projectStatus: ProjectStatus;
  readonly signUpRule: SignUpRule;
  readonly signUp: { readonly round: number; readonly signedUpAt: string; readonly withdrawnAt: string | null };
  readonly outcome: 'PENDING' | 'SELECTED' | 'ALTERNATE' | 'NOT_SELECTED' | 'DROPPED' | 'WITHDRAWN';
  readonly selected: boolean;
  readonly award: { readonly respondBy: string; readonly acceptedAt: string | null } | null;
}

const pageQuery = (status: string, offset: number, limit: number) => new URLSearchParams({ ...(status ? { status } : {}), offset: String(offset), limit: String(limit) }).toString();

export const fetchOwnProjects = (status: string, offset: number, limit: number, signal?: AbortSignal) =>
  api<Page<OwnProject> & { readonly countsByStatus: Readonly<Record<string, number>> }>(`/api/projects/mine?${pageQuery(status, offset, limit)}`, { signal });
export const fetchOwnSignUps = (offset: number, limit: number, signal?: AbortSignal) => api<Page<OwnSignUp>>(`/api/projects/sign-ups/mine?${pageQuery('', offset, limit)}`, { signal });
/** The agency's own sign-up to one project, if it ever signed up (withdrawn or not). */
export const fetchOwnSignUpTo = async (projectId: string, signal?: AbortSignal): Promise<OwnSignUp | null> =>
  (await api<Page<OwnSignUp>>(`/api/projects/sign-ups/mine?projectId=${encodeURIComponent(projectId)}&limit=1`, { signal })).items[0] ?? null;
export const fetchAnnouncements = (signal?: AbortSignal) => api<Announcement[]>('/api/projects/announcements', { signal });
export const fetchProject = (id: string, signal?: AbortSignal) => api<ProjectDetail>(`/api/projects/projects/${encodeURIComponent(id)}`, { signal });
export const fetchObservedDraws = (signal?: AbortSignal) => api<ObservedDraw[]>('/api/draw/observed-draws', { signal });
export const fetchDraws = (projectId: string, signal?: AbortSignal) => api<DrawView[]>(`/api/draw/projects/${encodeURIComponent(projectId)}/draws`, { signal });
export const fetchBiddings = (projectId: string, signal?: AbortSignal) => api<BiddingView[]>(`/api/bidding/projects/${encodeURIComponent(projectId)}/biddings`, { signal });
export const fetchBidding = (biddingId: string, signal?: AbortSignal) => api<BiddingView>(`/api/bidding/biddings/${encodeURIComponent(biddingId)}`, { signal });

/** Firm names by id from the public directory, so pages name firms rather than show identifiers. */
export async function fetchAgencyNames(signal?: AbortSignal): Promise<Map<string, string>> {
  const firms = await api<{ id: string; name: string }[]>('/api/registry/directory?limit=500', { signal }).catch(() => []);
  return new Map(firms.map((f) => [f.id, f.name]));
}
