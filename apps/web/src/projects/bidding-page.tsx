import { useMemo } from 'react';
import { verifyBidAgainstCommitment } from '@mkt/bidding/core';
import { formatTime, formatYuan, useLocale, useText } from '../app/locale';
import { Link } from '../app/router';
import { useSession } from '../auth/session';
import { BidPanel } from '../agency/bid-panel';
import { ErrorNote } from '../ui/form';
import { useLoad } from '../ui/use-load';
import { BIDDING_TEXT } from './bidding-messages';
import { fetchAgencyNames, fetchAnnouncements, fetchBidding, type BiddingView } from './project-api';
import { PROJECT_TEXT } from './project-messages';

/** A bidding round's public page: sealed commitments before the close; after it, the opened bids checked here and the ranking. */
export function BiddingPage({ biddingId }: { biddingId: string }) {
  const session = useSession();
  const round = useLoad((signal) => fetchBidding(biddingId, signal), [biddingId], 3000);
  const names = useLoad(fetchAgencyNames, []);
  const projectId = round.data?.projectId ?? null;
  const title = useLoad((signal) => (projectId ? fetchAnnouncements(signal).then((list) => list.find((a) => a.id === projectId)?.title ?? null) : Promise.resolve(null)), [projectId]);
  if (round.error && !round.data) return <ErrorNote error={round.error} />;
  if (!round.data) return null;
  const b = round.data;
  return (
    <>
      <BiddingRound round={b} names={names.data ?? new Map()} title={title.data} />
      {session?.account.role === 'AGENCY' && session.account.organizationId && !b.closedAt && <BidPanel round={b} agencyId={session.account.organizationId} onChange={round.reload} />}
    </>
  );
}

export function BiddingRound({ round: b, names, title }: { round: BiddingView; names: Map<string, string>; title?: string | null }) {
  const t = useText(BIDDING_TEXT);
  const p = useText(PROJECT_TEXT);
  const locale = useLocale();
  return (
    <section className="card" data-bidding={b.biddingId} data-status={b.status}>
      <h2>{t.heading(b.round)}</h2>
      <dl className="facts">
        <dt>{t.project}</dt>
        <dd>
          <Link to={`/projects/${b.projectId}`}>{title ?? b.projectId}</Link>
        </dd>
        <dt>{t.status}</dt>
        <dd className="round-status">{t.statuses[b.status] ?? b.status}</dd>
        <dt>{t.deadline}</dt>
        <dd>{formatTime(b.rules.deadline, locale)}</dd>
        <dt>{t.cap}</dt>
        <dd>{formatYuan(b.rules.capFen, locale)}</dd>
        <dt>{t.quoteForm}</dt>
        <dd>{t.quoteForms[b.rules.quoteForm]}</dd>
        <dt>{t.rule}</dt>
        <dd>{p.evaluations[b.rules.evaluation.kind] ?? b.rules.evaluation.kind}</dd>
        <dt>{t.minimum}</dt>
        <dd>{b.rules.minimumValidBids}</dd>
      </dl>
      {!b.closedAt ? <Sealed commitments={b.sealedCommitments ?? []} /> : <Opened round={b} names={names} />}
    </section>
  );
}

function Sealed({ commitments }: { commitments: readonly string[] }) {
  const t = useText(BIDDING_TEXT);
  return (
    <>
      <h3>{t.sealedHeading}</h3>
      <p className="hint">{t.sealedIntro}</p>
      {commitments.length === 0 ? (
        <p>{t.noBids}</p>
      ) : (
        <ol className="commitments">
          {commitments.map((c) => (
            <li key={c} className="mono">
              {c}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function Opened({ round: b, names }: { round: BiddingView; names: Map<string, string> }) {
  const t = useText(BIDDING_TEXT);
  const locale = useLocale();
  const closing = b.closing;
  // Each opened bid against the commitment published before the close, with the bidding core's own function.
  const checks = useMemo(
    () =>
      new Map(
        (closing?.revealed ?? []).map((r) => [
          r.agencyId,
          verifyBidAgainstCommitment({ biddingId: b.biddingId, agencyId: r.agencyId, quote: r.quote, servicePeriodDays: r.servicePeriodDays, note: r.note }, r.salt, r.commitment),
        ]),
      ),
    [closing, b.biddingId],
  );
  if (!closing) return null;
  const name = (id: string) => names.get(id) ?? id;
  const setAside = new Set(closing.setAside.map((s) => s.agencyId));
  return (
    <>
      <h3>{t.revealedHeading}</h3>
      <p className="hint">{t.revealedIntro}</p>
      {closing.mean && <p>{t.mean(formatYuan(Math.round(closing.mean.sumFen / closing.mean.count), locale))}</p>}
      {closing.failure && <p className="notice bad">{t.failed(closing.failure.reason)}</p>}
      <div className="table-wrap">
        <table className="table revealed">
          <thead>
            <tr>
              <th scope="col">{t.agency}</th>
              <th scope="col">{t.price}</th>
              <th scope="col">{t.period}</th>
              <th scope="col">{t.check}</th>
            </tr>
          </thead>
          <tbody>
            {closing.revealed.map((r) => (
              <tr key={r.agencyId} data-agency={r.agencyId} data-commitment-ok={checks.get(r.agencyId) ? 'true' : 'false'}>
                <td data-label={t.agency}>{name(r.agencyId)}</td>
                <td data-label={t.price}>
                  {r.priceFen === null ? t.invalid : formatYuan(r.priceFen, locale)}
                  {setAside.has(r.agencyId) && <span className="tag">{t.setAside}</span>}
                </td>
                <td data-label={t.period}>{r.servicePeriodDays}</td>
                <td data-label={t.check}>
                  <span className={`dot ${checks.get(r.agencyId) ? 'ok' : 'bad'}`} aria-hidden="true" /> {checks.get(r.agencyId) ? t.matches : t.mismatch}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {b.ranking && b.ranking.length > 0 && (
        <>
          <h3>{t.rankingHeading}</h3>
          <ol className="ranking">
            {b.ranking.map((r) => (
              <li key={r.agencyId} data-agency={r.agencyId} data-position={r.position}>
                {t.position} {r.position} · {name(r.agencyId)} · {formatYuan(r.priceFen, locale)}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
