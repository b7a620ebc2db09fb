import { Fragment, type ReactNode } from 'react';
import type { CollusionFlag, CollusionReport, CollusionTest } from '@mkt/audit/core';
import { api } from '../app/api';
import { formatYuan, punctuation, useLocale, useText } from '../app/locale';
import { Link } from '../app/router';
import type { Locale } from '../messages';
import { fetchAgencyNames } from '../projects/project-api';
import { ErrorNote } from '../ui/form';
import { ProgressBar } from '../ui/progress';
import { UI_TEXT } from '../ui/ui-messages';
import { useLoad } from '../ui/use-load';
import { COLLUSION_TEXT } from './collusion-messages';

const TEST_NAMES = ['co-bidding', 'quote-spread', 'identical-quotes', 'repeated-declines'] as const;

/** Tiny p-values in scientific notation, the rest with three significant digits. */
function formatP(p: number, locale: Locale): string {
  if (p !== 0 && p < 1e-4) return p.toExponential(2);
  return p.toLocaleString(locale, { maximumSignificantDigits: 3 });
}

const percent = (x: number, locale: Locale) => x.toLocaleString(locale, { style: 'percent', maximumSignificantDigits: 2 });
// Small expectations keep two significant digits: "0.0021 expected", not "0".
const decimal = (x: number, locale: Locale) => x.toLocaleString(locale, Math.abs(x) < 1 && x !== 0 ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: 2 });
const num = (e: Readonly<Record<string, unknown>>, key: string) => (typeof e[key] === 'number' ? (e[key] as number) : 0);
const list = <T,>(e: Readonly<Record<string, unknown>>, key: string) => (Array.isArray(e[key]) ? (e[key] as T[]) : []);

/**
 * The collusion report for supervisors: how many tests ran over how many closed rounds, the family-wise α and the
 * Holm correction, each flag with its evidence in words, and every test with its p-value.
 */
export function CollusionPage() {
  const t = useText(COLLUSION_TEXT);
  const locale = useLocale();
  const report = useLoad((signal) => api<CollusionReport>('/api/audit/collusion', { signal }), []);
  const names = useLoad(fetchAgencyNames, []);
  const nameOf = (id: string) => names.data?.get(id) ?? id;
  const r = report.data;
  const flagged = new Map((r?.flags ?? []).map((f) => [keyOf(f), f]));
  const ordered = [...(r?.tests ?? [])].sort((a, b) => a.pValue - b.pValue);

  return (
    <section className="collusion" data-testid="collusion">
      <h2>{t.heading}</h2>
      <p className="hint">{t.intro}</p>
      <ErrorNote error={report.error} />
      {!r && !report.error && <ProgressBar label={UI_TEXT[locale].loading} />}
      {r && (
        <>
          <section className="card" data-testid="collusion-summary">
            <p>{t.summary(r.closedRounds, r.tests.length)}</p>
            <p>{t.correction(String(r.alpha), percent(r.alpha, locale))}</p>
            <p className={`notice ${r.flags.length === 0 ? 'ok' : 'bad'}`} role="status" data-flags={r.flags.length}>
              {r.tests.length === 0 ? t.noTests : r.flags.length === 0 ? t.noFlags : t.flagged(r.flags.length)}
            </p>
          </section>

          {r.flags.length > 0 && (
            <section>
              <h3>{t.flagsHeading}</h3>
              <ul className="cards">
                {r.flags.map((f) => (
                  <li key={keyOf(f)} className="flag" data-flag={f.name} data-agencies={f.agencyIds.join(' ')}>
                    <strong>
                      {t.names[f.name]} <span className="tag">{t.lead}</span>
                    </strong>
                    <span>{t.hypotheses[f.name]}</span>
                    <span className="meta">
                      {t.agencies}
                      {punctuation(locale).colon}
                      <AgencyLinks ids={f.agencyIds} nameOf={nameOf} />
                    </span>
                    <span className="meta" data-testid="p-against-threshold">
                      {t.pAgainstThreshold(formatP(f.pValue, locale), formatP(f.threshold, locale))}
                    </span>
                    <Evidence test={f} nameOf={nameOf} />
                  </li>
                ))}
              </ul>
            </section>
          )}

          {ordered.length > 0 && (
            <details className="card">
              <summary>
                {t.testsHeading} ({ordered.length})
              </summary>
              <div className="table-wrap">
                <table className="table" data-testid="collusion-tests">
                  <thead>
                    <tr>
                      <th scope="col">{t.test}</th>
                      <th scope="col">{t.agencies}</th>
                      <th scope="col">{t.statistic}</th>
                      <th scope="col">{t.pValue}</th>
                      <th scope="col">{t.flag}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ordered.map((x) => {
                      const flag = flagged.get(keyOf(x));
                      return (
                        <tr key={keyOf(x)} data-test={x.name} data-flagged={flag ? 'true' : 'false'}>
                          <td data-label={t.test}>{t.names[x.name]}</td>
                          <td data-label={t.agencies}>
                            <span>
                              <AgencyLinks ids={x.agencyIds} nameOf={nameOf} />
                              {x.biddingId && (
                                <>
                                  {' · '}
                                  <Link to={`/biddings/${x.biddingId}`}>{t.round}</Link>
                                </>
                              )}
                            </span>
                          </td>
                          <td data-label={t.statistic}>{decimal(x.statistic, locale)}</td>
                          <td data-label={t.pValue}>{formatP(x.pValue, locale)}</td>
                          <td data-label={t.flag}>{flag ? <strong className="bad-text">{t.yes}</strong> : t.no}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </details>
          )}

          <details className="card">
            <summary>{t.methodsHeading}</summary>
            <dl className="facts">
              {TEST_NAMES.map((name) => (
                <Fragment key={name}>
                  <dt>{t.names[name]}</dt>
                  <dd>
                    {t.hypotheses[name]} {t.models[name]} <span className="hint">({t.when[name]})</span>
                  </dd>
                </Fragment>
              ))}
            </dl>
          </details>
        </>
      )}
    </section>
  );
}

function keyOf(test: CollusionTest): string {
  return `${test.name}|${test.agencyIds.join('+')}|${test.biddingId ?? ''}`;
}

function AgencyLinks({ ids, nameOf }: { ids: readonly string[]; nameOf: (id: string) => string }) {
  const locale = useLocale();
  return (
    <>
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && punctuation(locale).list}
          <Link to={`/directory/${id}`}>{nameOf(id)}</Link>
        </span>
      ))}
    </>
  );
}

/** Rounds or projects by link, the first dozen of them: a pair almost never apart may share dozens. */
function ShortLinks({ ids, to }: { ids: readonly string[]; to: (id: string) => string }) {
  const t = useText(COLLUSION_TEXT).evidence;
  const shown = ids.slice(0, 12);
  return (
    <span className="rounds">
      {shown.map((id, i) => (
        <span key={`${id}-${i}`}>
          {i > 0 && ' '}
          <Link to={to(id)} className="mono">
            {id.slice(0, 8)}
          </Link>
        </span>
      ))}
      {ids.length > shown.length && ` ${t.more(ids.length - shown.length)}`}
    </span>
  );
}

/** A flag's evidence in words, by test: what a supervisor checks first. */
function Evidence({ test, nameOf }: { test: CollusionFlag; nameOf: (id: string) => string }) {
  const t = useText(COLLUSION_TEXT).evidence;
  const locale = useLocale();
  const colon = punctuation(locale).colon;
  const e = test.evidence;
  const lines: ReactNode[] = [];
  switch (test.name) {
    case 'co-bidding': {
      const [a, b] = test.agencyIds.map(nameOf);
      lines.push(t.rounds(num(e, 'rounds')), t.eachBid(a, num(e, 'roundsWithFirst'), b, num(e, 'roundsWithSecond')), t.together(num(e, 'together'), decimal(num(e, 'expectedTogether'), locale)));
      lines.push(<>{t.items}{colon}{list<string>(e, 'serviceItems').join(punctuation(locale).list)}</>);
      lines.push(<>{t.sharedRounds}{colon}<ShortLinks ids={list<string>(e, 'togetherRounds')} to={(id) => `/biddings/${id}`} /></>);
      break;
    }
    case 'quote-spread': {
      const projectId = typeof e['projectId'] === 'string' ? e['projectId'] : null;
      if (projectId) lines.push(<>{t.project}{colon}<Link to={`/projects/${projectId}`} className="mono">{projectId.slice(0, 8)}</Link></>);
      const prices = list<{ agencyId: string; priceFen: number }>(e, 'prices').map((p) => `${nameOf(p.agencyId)} ${t.yuan(formatYuan(p.priceFen, locale))}`);
      lines.push(<>{t.prices}{colon}{prices.join(punctuation(locale).items)}</>);
      lines.push(t.spread(percent(num(e, 'spread'), locale), percent(num(e, 'typicalSpread'), locale)));
      break;
    }
    case 'identical-quotes': {
      const rounds = list<{ biddingId: string; priceFen: number }>(e, 'identicalRounds');
      lines.push(t.jointRounds(num(e, 'jointRounds')), t.identicalRounds(rounds.length, decimal(num(e, 'expectedByChance'), locale)));
      lines.push(
        <>
          {rounds.map((r, i) => (
            <span key={r.biddingId}>
              {i > 0 && punctuation(locale).items}
              <Link to={`/biddings/${r.biddingId}`} className="mono">
                {r.biddingId.slice(0, 8)}
              </Link>{' '}
              {t.yuan(formatYuan(r.priceFen, locale))}
            </span>
          ))}
        </>,
      );
      break;
    }
    case 'repeated-declines': {
      lines.push(t.declines(num(e, 'declines'), num(e, 'awards'), percent(num(e, 'platformDeclineRate'), locale)));
      const declined = list<{ projectId: string }>(e, 'declined');
      lines.push(<>{t.declinedProjects}{colon}<ShortLinks ids={declined.map((d) => d.projectId)} to={(id) => `/projects/${id}`} /></>);
      const next = Object.entries((e['nextAwarded'] ?? {}) as Record<string, number>).sort(([, x], [, y]) => y - x);
      if (next.length > 0) lines.push(<>{t.nextAwarded}{colon}{next.map(([id, n]) => `${nameOf(id)} ${t.times(n)}`).join(punctuation(locale).list)}</>);
      break;
    }
  }
  return (
    <ul className="evidence" data-testid="evidence">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}
