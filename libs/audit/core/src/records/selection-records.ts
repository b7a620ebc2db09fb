import { amendedTerms, num, projectIdOf, records, text, texts, type LoggedEvent } from './logged-event';

/** What a project is, as its own events state it: who owns it, which item, by which methods (one per round). */
export interface ProjectFacts {
  readonly projectId: string;
  readonly title: string | null;
  readonly ownerOrganizationId: string | null;
  readonly serviceItemCode: string | null;
  readonly methods: readonly string[];
}

export interface SelectionRecord {
  readonly project: ProjectFacts;
  /** In log order. */
  readonly entries: readonly LoggedEvent[];
}

/** The query: every given criterion must hold. `from`/`to` bound the entries' `occurredAt`, `[from, to)`. */
export interface RecordFilter {
  readonly projectId?: string;
  readonly agencyId?: string;
  readonly ownerOrganizationId?: string;
  readonly serviceItemCode?: string;
  readonly method?: string;
  readonly from?: string;
  readonly to?: string;
}

/**
 * Whose records the caller may read: supervisors everything; an owner the whole record of its own projects; an
 * agency the entries that name it as their subject, plus the projects' public announcements and results.
 */
export type RecordScope = { readonly kind: 'all' } | { readonly kind: 'owner'; readonly organizationId: string } | { readonly kind: 'agency'; readonly agencyId: string };

/** Sealed-bid events carry who bid before the close: nobody but supervisors and the bidder sees them until then. */
const SEALED_BID_EVENTS = new Set(['bidding.BidSubmitted', 'bidding.BidReplaced', 'bidding.BidWithdrawn']);
/** Public once logged (the announcement and its amendments, the result in publicity, a failed round, the award). */
const PUBLIC_PROJECT_EVENTS = new Set(['projects.ProjectPublished', 'projects.ProjectAmended', 'projects.SelectionRecorded', 'projects.RoundFailed', 'projects.ProjectAwarded', 'projects.ProjectCancelled']);
// Fields whose agency ids make an event about that agency. Sign-up and conflict lists are left out: they name
// agencies the owner listed, and an agency must not learn others' sign-ups or the owner's conflict declarations.
const AGENCY_LIST_FIELDS = ['pool', 'winners', 'alternates', 'succession', 'agencyIds'];
const AGENCY_TABLE_FIELDS = ['revealed', 'rankedBids', 'ranking', 'setAside', 'exclusions', 'winners'];

/** Whether the event has the agency as (one of) its subjects: its `agencyId`, or in a pool, result or bid table. */
export function namesAgency(event: LoggedEvent, agencyId: string): boolean {
  const p = event.payload;
  if (text(p, 'agencyId') === agencyId) return true;
  if (AGENCY_LIST_FIELDS.some((field) => texts(p, field).includes(agencyId))) return true;
  return AGENCY_TABLE_FIELDS.some((field) => records(p, field).some((row) => row['agencyId'] === agencyId));
}

/** Whether the event concerns the agency at all, sign-ups and declared conflicts included (supervisors' filter). */
function involvesAgency(event: LoggedEvent, agencyId: string): boolean {
  return namesAgency(event, agencyId) || texts(event.payload, 'signedUpAgencyIds').includes(agencyId) || texts(event.payload, 'conflictAgencyIds').includes(agencyId);
}

/**
 * Facts of every project the events mention, from its announcements, selection requests and bidding rounds. An
 * amendment's title and item replace the announced ones; a method it replaces before any selection ran by it is no
 * longer one of the project's methods.
 */
export function projectFactsOf(events: readonly LoggedEvent[]): Map<string, ProjectFacts> {
  const facts = new Map<string, { title: string | null; owner: string | null; item: string | null; methods: string[]; ran: Set<string> }>();
  for (const event of events) {
    const projectId = projectIdOf(event);
    if (projectId === null) continue;
    const f = facts.get(projectId) ?? { title: null, owner: null, item: null, methods: [], ran: new Set<string>() };
    facts.set(projectId, f);
    if (event.type === 'projects.ProjectAmended') {
      f.owner ??= text(event.payload, 'ownerOrganizationId');
      for (const { term, before, after } of amendedTerms(event.payload)) {
        if (term === 'title' && typeof after === 'string') f.title = after;
        if (term === 'serviceItemCode' && typeof after === 'string') f.item = after;
        if (term !== 'selection.method' || typeof after !== 'string') continue;
        if (typeof before === 'string' && !f.ran.has(before)) f.methods = f.methods.filter((m) => m !== before);
        if (!f.methods.includes(after)) f.methods.push(after);
      }
      continue;
    }
    if (!['projects.ProjectPublished', 'projects.SelectionRequested', 'bidding.BiddingOpened'].includes(event.type)) continue;
    // A later round's announcement (a repost) may retitle the project or change its item.
    if (event.type === 'projects.ProjectPublished' && (num(event.payload, 'round') ?? 1) > 1) {
      f.title = text(event.payload, 'title') ?? f.title;
      f.item = text(event.payload, 'serviceItemCode') ?? f.item;
    }
    f.title ??= text(event.payload, 'title');
    f.owner ??= text(event.payload, 'ownerOrganizationId');
    f.item ??= text(event.payload, 'serviceItemCode');
    const method = text(event.payload, 'method') ?? (event.type === 'bidding.BiddingOpened' ? 'BIDDING' : null);
    if (method && event.type !== 'projects.ProjectPublished') f.ran.add(method);
    if (method && !f.methods.includes(method)) f.methods.push(method);
  }
  return new Map([...facts].map(([projectId, f]) => [projectId, { projectId, title: f.title, ownerOrganizationId: f.owner, serviceItemCode: f.item, methods: f.methods }]));
}

/**
 * The selection records that match the filter and the caller's scope, each project's entries in log order.
 * `events` are every logged event that concerns a project, in log order. A project matches when its facts match
 * and it has at least one visible entry in the period; with `agencyId`, when some entry involves that agency.
 */
export function selectionRecords(events: readonly LoggedEvent[], filter: RecordFilter, scope: RecordScope): SelectionRecord[] {
  const facts = projectFactsOf(events);
  const closedBiddings = new Set(events.filter((e) => e.type === 'bidding.BiddingClosed').map((e) => text(e.payload, 'biddingId')));
  const byProject = new Map<string, LoggedEvent[]>();
  for (const event of events) {
    const projectId = projectIdOf(event);
    if (projectId === null) continue;
    byProject.set(projectId, [...(byProject.get(projectId) ?? []), event]);
  }
  const visible = (event: LoggedEvent): boolean => {
    const sealed = SEALED_BID_EVENTS.has(event.type) && !closedBiddings.has(text(event.payload, 'biddingId'));
    if (scope.kind === 'all') return true;
    if (scope.kind === 'owner') return !sealed;
    if (event.type === 'projects.SelectionRequested') return false;
    return PUBLIC_PROJECT_EVENTS.has(event.type) || namesAgency(event, scope.agencyId);
  };
  const inPeriod = (event: LoggedEvent): boolean => (!filter.from || event.occurredAt >= filter.from) && (!filter.to || event.occurredAt < filter.to);

  const result: SelectionRecord[] = [];
  for (const [projectId, projectEvents] of byProject) {
    const project = facts.get(projectId) as ProjectFacts;
    if (filter.projectId !== undefined && projectId !== filter.projectId) continue;
    if (filter.ownerOrganizationId !== undefined && project.ownerOrganizationId !== filter.ownerOrganizationId) continue;
    if (filter.serviceItemCode !== undefined && project.serviceItemCode !== filter.serviceItemCode) continue;
    if (filter.method !== undefined && !project.methods.includes(filter.method)) continue;
    if (scope.kind === 'owner' && project.ownerOrganizationId !== scope.organizationId) continue;
    if (filter.agencyId !== undefined && !projectEvents.some((e) => involvesAgency(e, filter.agencyId as string))) continue;
    if (scope.kind === 'agency' && !projectEvents.some((e) => namesAgency(e, scope.agencyId))) continue;
    const entries = projectEvents.filter((e) => visible(e) && inPeriod(e));
    if (entries.length > 0) result.push({ project, entries });
  }
  // Projects in the order their record starts in the log.
  return result.sort((a, b) => a.entries[0].position - b.entries[0].position);
}
