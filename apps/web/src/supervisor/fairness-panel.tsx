import type { FairnessReport } from '@mkt/audit/core';
import { api } from '../app/api';
import { useLocale, useText } from '../app/locale';
import { ErrorNote } from '../ui/form';
import { useLoad } from '../ui/use-load';
import { SUPERVISOR_TEXT } from './supervisor-messages';

/** The fairness tests fixed in advance, over every draw in the log, with the flags left after the Holm correction. */
export function FairnessPanel({ names }: { names: Map<string, string> }) {
  const t = useText(SUPERVISOR_TEXT);
  const locale = useLocale();
  const report = useLoad((signal) => api<FairnessReport>('/api/audit/fairness', { signal }), []);
  if (report.error) return <ErrorNote error={report.error} />;
  const r = report.data;
  if (!r) return null;
  const flagged = new Set(r.flags.map((f) => `${f.name}|${f.agencyId ?? ''}`));
  const evidence = (e: Readonly<Record<string, number>>) =>
    Object.entries(e)
      .map(([k, v]) => `${k} ${Number.isInteger(v) ? v : v.toLocaleString(locale, { maximumFractionDigits: 3 })}`)
      .join(' · ');
  return (
    <section className="card" data-testid="fairness">
      <h3>{t.fairness}</h3>
      <p>{t.fairnessSummary(r.draws, r.tests.length, r.alpha)}</p>
      <p className={`notice ${r.flags.length === 0 ? 'ok' : 'bad'}`} role="status">
        {r.flags.length === 0 ? t.noFlags : t.flags(r.flags.length)}
      </p>
      {r.tests.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.test}</th>
                <th scope="col">{t.agency}</th>
                <th scope="col">p</th>
                <th scope="col">{t.evidence}</th>
              </tr>
            </thead>
            <tbody>
              {r.tests.map((x) => (
                <tr key={`${x.name}|${x.agencyId ?? ''}`} data-flagged={flagged.has(`${x.name}|${x.agencyId ?? ''}`)}>
                  <td data-label={t.test}>{t.testNames[x.name] ?? x.name}</td>
                  <td data-label={t.agency}>{x.agencyId ? (names.get(x.agencyId) ?? x.agencyId) : '—'}</td>
                  <td data-label="p">{x.pValue.toLocaleString(locale, { maximumSignificantDigits: 3 })}</td>
                  <td data-label={t.evidence}>{evidence(x.evidence)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
