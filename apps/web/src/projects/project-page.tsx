import { formatTime, formatYuan, useLocale, useText, punctuation } from '../app/locale';
import { Link } from '../app/router';
import { useSession } from '../auth/session';
import { AgencyPanel } from '../agency/agency-panel';
import { OwnerPanel } from '../owner/owner-panel';
import { SupervisorPanel } from '../supervisor/supervisor-panel';
import { ErrorNote } from '../ui/form';
import { useLoad } from '../ui/use-load';
import { DrawPanel } from './draw-panel';
import { CreditRuleFacts } from './draw-weights';
import { amendmentsIn, fetchAgencyNames, fetchAnnouncements, fetchBiddings, fetchDraws, fetchProject, type Announcement, type CreditRule, type ProjectDetail } from './project-api';
import { PROJECT_TEXT } from './project-messages';
import { REVISION_TEXT } from './revision-messages';
import { AmendmentHistory, DirectSelectionFlag } from './revision-views';

/**
 * One project for everyone: the announcement, its selection and draws or bidding rounds, and below them the
 * actions of the signed-in role (owner, agency, supervisor). It polls, so it follows the event backbone.
 */
export function ProjectPage({ projectId }: { projectId: string }) {
  const t = useText(PROJECT_TEXT);
  const r = useText(REVISION_TEXT);
  const locale = useLocale();
  const punct = punctuation(locale);
  const session = useSession();
  const role = session?.account.role ?? null;
  const privileged = role === 'OWNER' || role === 'SUPERVISOR';
  const detail = useLoad((signal) => (privileged ? fetchProject(projectId, signal) : Promise.resolve(null)), [projectId, privileged], 3000);
  const announcement = useLoad((signal) => fetchAnnouncements(signal).then((list) => list.find((a) => a.id === projectId) ?? null), [projectId], 3000);
  const draws = useLoad((signal) => fetchDraws(projectId, signal), [projectId], 3000);
  const biddings = useLoad((signal) => fetchBiddings(projectId, signal), [projectId], 3000);
  const names = useLoad(fetchAgencyNames, []);
  const reload = () => {
    detail.reload();
    announcement.reload();
    draws.reload();
    biddings.reload();
  };

  const d = detail.data;
  const a = announcement.data;
  if (!d && !a) {
    if (detail.loading || announcement.loading) return null;
    return detail.error ? <ErrorNote error={detail.error} /> : <p className="notice">{t.notFound}</p>;
  }
  const nameOf = (id: string) => names.data?.get(id) ?? id;
  const view = summaryOf(d, a);

  return (
    <article className="project" data-project={projectId} data-status={view.status}>
      <section className="card">
        <h2>{view.title}</h2>
        <p className="status-pill" data-testid="project-status">
          {t.statuses[view.status] ?? view.status}
        </p>
        <ProjectFacts view={view} />
        {d?.terms.description && <p>{d.terms.description}</p>}
        {d && <DirectSelectionFlag project={d} />}
        {view.selection && (
          <div className="selection" data-testid="selection">
            <p>
              <strong>{t.winners}{punct.colon}</strong>
              {view.selection.winners.map((w) => nameOf(w.agencyId)).join(punct.list)}
            </p>
            {view.selection.succession && view.selection.succession.length > 0 && (
              <p>
                {t.alternates}{punct.colon}{view.selection.succession.map((w) => nameOf(w.agencyId)).join(punct.list)}
              </p>
            )}
            {view.selection.source.kind === 'DIRECT' && <p data-testid="chosen-directly">{r.chosenDirectly}</p>}
            <p className="hint">
              {t.publicityEnds}{punct.colon}{formatTime(view.selection.publicityEndsAt, locale)}
            </p>
          </div>
        )}
        {view.failure && (
          <p className="notice bad">
            {t.failure}{punct.colon}{view.failure}
          </p>
        )}
      </section>

      <AmendmentHistory amendments={d ? amendmentsIn(d.history) : (a?.amendments ?? [])} />

      {(draws.data ?? []).map((draw) => (
        <DrawPanel key={draw.drawId} draw={draw} names={names.data ?? new Map()} ownerId={d?.ownerId ?? null} creditRule={view.creditRule} onChange={reload} />
      ))}

      {(biddings.data ?? []).map((b) => (
        <section className="card" key={b.biddingId} data-bidding={b.biddingId}>
          <h3>
            {t.bidding} · {b.round}
          </h3>
          <p>
            <Link to={`/biddings/${b.biddingId}`}>{t.openBidding}</Link>
          </p>
        </section>
      ))}

      {role === 'OWNER' && d && <OwnerPanel project={d} names={names.data ?? new Map()} onChange={reload} />}
      {role === 'AGENCY' && a && session?.account.organizationId && <AgencyPanel announcement={a} agencyId={session.account.organizationId} onChange={reload} />}
      {role === 'SUPERVISOR' && d && <SupervisorPanel project={d} names={names.data ?? new Map()} onChange={reload} />}
    </article>
  );
}

interface Summary {
  readonly title: string;
  readonly status: string;
  readonly serviceItemCode: string;
  readonly budgetCapFen: number;
  readonly requiredLevel: number;
  readonly region: string;
  readonly servicePeriodDays: number;
  readonly method: string;
  readonly entropySource: string | null;
  readonly creditRule: CreditRule | null;
  readonly signUp: Announcement['signUp'];
  readonly selection: Announcement['selection'];
  readonly failure: string | null;
}

function summaryOf(d: ProjectDetail | null, a: Announcement | null): Summary {
  if (d) {
    return {
      title: d.terms.title, status: d.status, serviceItemCode: d.terms.serviceItemCode, budgetCapFen: d.terms.budgetCapFen, requiredLevel: d.terms.requiredLevel,
      region: d.terms.region, servicePeriodDays: d.terms.servicePeriodDays, method: d.terms.selection.method, entropySource: entropySourceOf(d.terms.selection),
      creditRule: creditRuleOf(d.terms.selection), signUp: d.terms.signUp, selection: d.selection, failure: d.failure?.reason ?? null,
    };
  }
  const x = a as Announcement;
  return { ...x, entropySource: x.entropySource ?? null, creditRule: x.creditRule ?? null, failure: x.failure?.reason ?? null };
}

/** The owner's and supervisors' view has the whole rule; the threshold and function are its own fields there. */
function creditRuleOf(selection: ProjectDetail['terms']['selection']): CreditRule | null {
  if (selection.method !== 'CREDIT_WEIGHTED_DRAW') return null;
  const { minimumCreditScore, weightFunction } = selection;
  return typeof minimumCreditScore === 'number' && typeof weightFunction === 'string' ? { minimumCreditScore, weightFunction } : null;
}

/** The terms leave witnesses, the default, unsaid; bidding and direct selection draw nothing. */
function entropySourceOf(selection: ProjectDetail['terms']['selection']): string | null {
  if (selection.method !== 'RANDOM_DRAW' && selection.method !== 'CREDIT_WEIGHTED_DRAW') return null;
  return typeof selection['entropySource'] === 'string' ? selection['entropySource'] : 'witnesses';
}

function ProjectFacts({ view }: { view: Summary }) {
  const t = useText(PROJECT_TEXT);
  const locale = useLocale();
  return (
    <dl className="facts">
      <dt>{t.item}</dt>
      <dd>{view.serviceItemCode}</dd>
      <dt>{t.method}</dt>
      <dd data-method={view.method}>{t.methods[view.method] ?? view.method}</dd>
      {view.creditRule && <CreditRuleFacts rule={view.creditRule} />}
      {view.entropySource && (
        <>
          <dt>{t.entropySource}</dt>
          <dd data-entropy-source={view.entropySource}>{t.entropySources[view.entropySource] ?? view.entropySource}</dd>
        </>
      )}
      <dt>{t.budget}</dt>
      <dd>{formatYuan(view.budgetCapFen, locale)}</dd>
      <dt>{t.level}</dt>
      <dd>{view.requiredLevel}</dd>
      <dt>{t.region}</dt>
      <dd>{view.region}</dd>
      <dt>{t.period}</dt>
      <dd>{view.servicePeriodDays}</dd>
      <dt>{t.signUp}</dt>
      <dd>{view.signUp.mode === 'WINDOW' ? t.signUpWindow(formatTime(view.signUp.opensAt, locale), formatTime(view.signUp.closesAt, locale)) : t.allEligible}</dd>
    </dl>
  );
}
