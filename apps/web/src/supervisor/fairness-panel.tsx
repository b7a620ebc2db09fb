import type { FairnessReport, FairnessTest } from '@mkt/audit/core';
import { api } from '../app/api';
import { useLocale, useText } from '../app/locale';
import { ErrorNote } from '../ui/form';
import { useLoad } from '../ui/use-load';
import { FAIRNESS_TEXT } from './fairness-messages';

/**
 * The fairness tests fixed in advance, over every draw in the log, with the flags left after the correction; the
 * tests the log cannot support yet say what they wait for.
 */
export function FairnessPanel({ names }: { names: Map<string, string> }) {
  const t = useText(FAIRNESS_TEXT);
  const locale = useLocale();
  const report = useLoad((signal) => api<FairnessReport>('/api/audit/fairness', { signal }), []);
  if (report.error) return <ErrorNote error={report.error} />;
  const r = report.data;
  if (!r) return null;
  const flagged = new Set(r.flags.map((f) => `${f.name}|${f.agencyId ?? ''}`));
  const number = (v: number) => (Number.isInteger(v) ? String(v) : v.toLocaleString(locale, { maximumFractionDigits: 3 }));
  const evidence = (x: FairnessTest) =>
    Object.entries(x.evidence)
      .map(([k, v]) => `${t.evidenceNames[k] ?? k} ${number(v)}`)
      .join(' · ');
  return (
    <section className="card" data-testid="fairness">
      <h3>{t.heading}</h3>
      <p>{t.summary(r.draws, r.tests.length, r.alpha)}</p>
      {r.weightedDraws > 0 && <p className="hint">{t.weighted(r.weightedDraws)}</p>}
      {r.weightedDrawsLeftOut > 0 && <p className="hint">{t.weightedLeftOut(r.weightedDrawsLeftOut)}</p>}
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
                <tr key={`${x.name}|${x.agencyId ?? ''}`} data-test={x.name} data-flagged={flagged.has(`${x.name}|${x.agencyId ?? ''}`)}>
                  <td data-label={t.test}>{t.testNames[x.name] ?? x.name}</td>
                  <td data-label={t.agency}>{x.agencyId ? (names.get(x.agencyId) ?? x.agencyId) : '—'}</td>
                  <td data-label="p">{x.pValue.toLocaleString(locale, { maximumSignificantDigits: 3 })}</td>
                  <td data-label={t.evidence}>
                    {evidence(x)}
                    {x.groups && x.groups.length > 0 && (
                      <ul className="meta" aria-label={t.observedExpected}>
                        {x.groups.map((g) => (
                          <li key={g.group}>
                            {t.group(g.group)}: {number(g.observed)} / {number(g.expected)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {r.notRun.length > 0 && (
        <>
          <h4>{t.notRunHeading}</h4>
          <ul data-testid="fairness-not-run">
            {r.notRun.map((n) => (
              <li key={n.name}>
                {t.testNames[n.name] ?? n.name}: {t.notRun(n.reason, n.have, n.need)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
