import { formatTime, formatYuan, useLocale, useText } from '../app/locale';
import { Link } from '../app/router';
import { useSession } from '../auth/session';
import { ErrorNote } from '../ui/form';
import { useLoad } from '../ui/use-load';
import { fetchAnnouncements, fetchBiddings, fetchOwnSignUps } from '../projects/project-api';
import { PROJECT_TEXT } from '../projects/project-messages';
import { AGENCY_TEXT } from './agency-messages';

const SIGN_UPS_SHOWN = 50;

/**
 * The agency's own sign-ups and how each fared (GET /api/projects/sign-ups/mine), then the projects it can act on
 * now from the public announcements: open sign-up windows, open bidding rounds, and results naming it.
 */
export function AgencyProjectsPage() {
  const t = useText(AGENCY_TEXT);
  const p = useText(PROJECT_TEXT);
  const locale = useLocale();
  const agencyId = useSession()?.account.organizationId ?? '';
  const list = useLoad(
    async (signal) => {
      const all = await fetchAnnouncements(signal);
      const active = all.filter((a) => ['PUBLISHED', 'SELECTING', 'PUBLICITY', 'AWARDED'].includes(a.status));
      // Bidding rounds are found per project; only bidding projects being selected can have an open one.
      return Promise.all(
        active.map(async (a) => ({ ...a, rounds: a.method === 'BIDDING' && a.status === 'SELECTING' ? await fetchBiddings(a.id, signal).catch(() => []) : [] })),
      );
    },
    [],
    5000,
  );
  const signUps = useLoad((signal) => fetchOwnSignUps(0, SIGN_UPS_SHOWN, signal), [], 5000);
  return (
    <>
      <section>
        <h2>{t.signUpsHeading}</h2>
        <ErrorNote error={signUps.error} />
        {signUps.data?.total === 0 && <p>{t.noSignUps}</p>}
        <ul className="cards">
          {signUps.data?.items.map((s) => (
            <li key={s.projectId} data-sign-up={s.projectId} data-outcome={s.outcome}>
              <Link to={`/projects/${s.projectId}`}>{s.title}</Link>
              <span className="meta">
                <span data-method={s.method}>{p.methods[s.method] ?? s.method}</span>
                {s.entropySource && <span data-entropy-source={s.entropySource}> · {p.entropySources[s.entropySource] ?? s.entropySource}</span>} ·{' '}
                {p.statuses[s.projectStatus] ?? s.projectStatus} · {t.signedUpAt(formatTime(s.signUp.signedUpAt, locale))}
              </span>
              <span className={`tag${s.selected ? ' ok' : ''}`}>{t.outcomes[s.outcome] ?? s.outcome}</span>
              {s.award && <span className="meta">{s.award.acceptedAt ? t.acceptedAward : t.answerBy(formatTime(s.award.respondBy, locale))}</span>}
            </li>
          ))}
        </ul>
        {signUps.data && signUps.data.total > signUps.data.items.length && <p className="hint">{t.moreSignUps(signUps.data.items.length, signUps.data.total)}</p>}
      </section>
      <section>
        <h2>{t.projectsHeading}</h2>
        <ErrorNote error={list.error} />
        {list.data?.length === 0 && <p>{t.none}</p>}
        <ul className="cards">
          {list.data?.map((a) => (
            <li key={a.id} data-project={a.id}>
              <Link to={`/projects/${a.id}`}>{a.title}</Link>
              <span className="meta">
                {a.serviceItemCode} · <span data-method={a.method}>{p.methods[a.method] ?? a.method}</span>
                {/* A firm below a credit-weighted draw's threshold cannot be drawn: it should know before signing up. */}
                {a.creditRule && <span data-credit-threshold={a.creditRule.minimumCreditScore}> · {p.creditThreshold} {a.creditRule.minimumCreditScore}</span>}
                {a.entropySource && <span data-entropy-source={a.entropySource}> · {p.entropySources[a.entropySource] ?? a.entropySource}</span>} ·{' '}
                {p.statuses[a.status] ?? a.status} · {formatYuan(a.budgetCapFen, locale)}
                {a.signUp.mode === 'WINDOW' && a.status === 'PUBLISHED' && ` · ${p.signUpWindow(formatTime(a.signUp.opensAt, locale), formatTime(a.signUp.closesAt, locale))}`}
              </span>
              {a.selection?.winners.some((w) => w.agencyId === agencyId) && <span className="tag ok">{p.winners}</span>}
              {a.rounds
                .filter((r) => !r.closedAt)
                .map((r) => (
                  <Link key={r.biddingId} to={`/biddings/${r.biddingId}`} className="button-link">
                    {p.openBidding} · {formatTime(r.rules.deadline, locale)}
                  </Link>
                ))}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
