import { formatTime, useLocale, useText } from '../app/locale';
import { Link } from '../app/router';
import { useSession } from '../auth/session';
import { ErrorNote } from '../ui/form';
import { useLoad } from '../ui/use-load';
import { fetchAnnouncements, fetchObservedDraws } from './project-api';
import { PROJECT_TEXT } from './project-messages';

/**
 * An observer's starting point, whatever their role: the account id to give the owner who invites them, and the
 * draws that name them — those still waiting for their value first. The value itself is entered on the project's
 * page, beside the commitment it answers.
 */
export function ObservedDrawsPage() {
  const t = useText(PROJECT_TEXT);
  const locale = useLocale();
  const session = useSession();
  const draws = useLoad((signal) => fetchObservedDraws(signal), [], 5000);
  const titles = useLoad((signal) => fetchAnnouncements(signal).then((list) => new Map(list.map((a) => [a.id, a.title]))), []);
  const list = [...(draws.data ?? [])].sort((a, b) => Number(b.awaitingValue) - Number(a.awaitingValue));

  return (
    <section className="card observed-draws">
      <h2>{t.observedHeading}</h2>
      <p className="hint">{t.observedIntro}</p>
      {session && (
        <dl className="facts">
          <dt>{t.yourAccountId}</dt>
          <dd className="mono" data-testid="account-id">
            {session.account.id}
          </dd>
        </dl>
      )}
      <ErrorNote error={draws.error} />
      {draws.data && list.length === 0 && <p className="notice">{t.observedNone}</p>}
      <ul className="plain">
        {list.map((d) => (
          <li key={d.drawId} data-draw={d.drawId} data-awaiting={d.awaitingValue}>
            <Link to={`/projects/${d.projectId}`}>{titles.data?.get(d.projectId) ?? t.openProject}</Link> · {t.projectRound(d.round)} ·{' '}
            {d.awaitingValue ? <strong>{t.awaitingYou}</strong> : t.youEntered(d.enteredValue ?? '')}
            {d.status === 'COMMITTED' ? <> · {t.revealBy} {formatTime(d.revealDeadline, locale)}</> : <> · {t.drawRevealed}</>}
            {d.overdueAt && <> · {t.overdue}</>}
          </li>
        ))}
      </ul>
    </section>
  );
}
