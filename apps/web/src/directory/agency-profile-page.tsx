import { api } from '../app/api';
import { formatTime, useLocale, useText, punctuation } from '../app/locale';
import { ErrorNote } from '../ui/form';
import { useLoad } from '../ui/use-load';
import { DIRECTORY_TEXT } from './directory-messages';

interface PublicProfile {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly status: string;
  readonly qualifications: readonly { readonly serviceItemCode: string; readonly level: number; readonly validFrom: string; readonly validUntil: string }[];
  readonly sanctionsInForce: readonly { readonly kind: string; readonly reason: string; readonly startsAt: string; readonly endsAt: string }[];
  readonly record: { readonly wins: number; readonly declined: number; readonly completed: number; readonly evaluations: number; readonly averageQuality: number | null };
  readonly credit: { readonly score: number; readonly formulaVersion: string; readonly recentEntries: readonly { readonly sequence: number; readonly cause: string; readonly delta: number; readonly scoreAfter: number; readonly recordedAt: string }[] };
}

/** A firm's public profile: qualifications, sanctions in force, track record and credit. */
export function AgencyProfilePage({ id }: { id: string }) {
  const t = useText(DIRECTORY_TEXT);
  const locale = useLocale();
  const punct = punctuation(locale);
  const profile = useLoad((signal) => api<PublicProfile>(`/api/registry/directory/${encodeURIComponent(id)}`, { signal }), [id]);
  if (profile.error) return <ErrorNote error={profile.error} />;
  const p = profile.data;
  if (!p) return null;
  return (
    <section className="card" data-agency={p.id}>
      <h2>{p.name}</h2>
      <dl className="facts">
        <dt>{t.region}</dt>
        <dd>{p.region}</dd>
        <dt>{t.status}</dt>
        <dd>{t.statuses[p.status] ?? p.status}</dd>
        <dt>{t.credit}</dt>
        <dd>
          {p.credit.score} <span className="hint">({p.credit.formulaVersion})</span>
        </dd>
        <dt>{t.trackRecord}</dt>
        <dd>{t.record(p.record)}</dd>
      </dl>
      <h3>{t.qualifications}</h3>
      <ul>
        {p.qualifications.map((q) => (
          <li key={`${q.serviceItemCode}-${q.level}`}>
            {q.serviceItemCode} · {t.grade(q.level)} · {q.validFrom} — {q.validUntil}
          </li>
        ))}
      </ul>
      {p.sanctionsInForce.length > 0 && (
        <>
          <h3>{t.sanctions}</h3>
          <ul>
            {p.sanctionsInForce.map((s) => (
              <li key={s.startsAt}>
                {t.statuses[s.kind] ?? s.kind}{punct.colon}{s.reason} ({formatTime(s.startsAt, locale)} — {formatTime(s.endsAt, locale)})
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t.recentCredit}</h3>
      <CreditEntries entries={p.credit.recentEntries} />
    </section>
  );
}

export function CreditEntries({ entries }: { entries: readonly { sequence: number; cause: string; delta: number; scoreAfter: number; recordedAt: string }[] }) {
  const t = useText(DIRECTORY_TEXT);
  const locale = useLocale();
  if (entries.length === 0) return <p className="hint">{t.noEntries}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t.cause}</th>
            <th scope="col">{t.delta}</th>
            <th scope="col">{t.scoreAfter}</th>
            <th scope="col">{t.when}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.sequence}>
              <td data-label="#">{e.sequence}</td>
              <td data-label={t.cause}>{t.causes[e.cause] ?? e.cause}</td>
              <td data-label={t.delta}>{e.delta > 0 ? `+${e.delta}` : e.delta}</td>
              <td data-label={t.scoreAfter}>{e.scoreAfter}</td>
              <td data-label={t.when}>{formatTime(e.recordedAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
