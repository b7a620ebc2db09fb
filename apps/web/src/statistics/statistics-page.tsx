import type { PublicStatistics } from '@mkt/audit/core';
import { api } from '../app/api';
import { formatYuan, useLocale, useText } from '../app/locale';
import { ErrorNote } from '../ui/form';
import { useLoad } from '../ui/use-load';
import { STATISTICS_TEXT } from './statistics-messages';

type Statistics = PublicStatistics & { readonly computedFrom: { readonly logSize: number } };

const percent = (fraction: number | null, locale: string) => (fraction === null ? '—' : fraction.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 }));

/** The public statistics from the audit log (GET /api/audit/statistics), beside the annual report's own figures. */
export function StatisticsPage() {
  const t = useText(STATISTICS_TEXT);
  const locale = useLocale();
  const stats = useLoad((signal) => api<Statistics>('/api/audit/statistics', { signal }), []);
  if (stats.error) return <ErrorNote error={stats.error} />;
  const s = stats.data;
  if (!s) return null;
  const name = (c: { nameZhCN: string; nameEn: string }) => (locale === 'en' ? c.nameEn : c.nameZhCN);
  return (
    <section data-testid="statistics">
      <h2>{t.heading}</h2>
      <p className="hint">
        {t.intro} {t.computedFrom(s.computedFrom.logSize)}
      </p>
      <div className="figures">
        <div className="card figure" data-figure="projects">
          <strong>{s.projects.published}</strong>
          <span>{t.projects}</span>
          <span className="hint">
            {s.projects.underFreeChoiceThreshold} {t.underThreshold(formatYuan(s.projects.thresholdFen, locale))}
          </span>
        </div>
        <div className="card figure" data-figure="agencies">
          <strong>{s.agencies.registered}</strong>
          <span>{t.agencies}</span>
        </div>
        <div className="card figure" data-figure="items">
          <strong>{s.catalog.items}</strong>
          <span>
            {t.items}
            {s.catalog.retiredItems > 0 && t.retired(s.catalog.retiredItems)}
          </span>
        </div>
      </div>

      <section className="card">
        <h3>{t.fees}</h3>
        <p>{t.winningBids(percent(s.fees.winningBids.meanReduction, locale), s.fees.winningBids.count)}</p>
        <p>{t.contracts(percent(s.fees.contracts.meanReduction, locale), s.fees.contracts.count)}</p>
        <p className="hint">{t.reportedFee(percent(s.fees.reported, locale))}</p>
        <h3>{t.delivery}</h3>
        <p>{t.deliveryMeasured(percent(s.deliveryTime.meanShareOfTimeLimit, locale), s.deliveryTime.completed, s.deliveryTime.withinTimeLimit)}</p>
        <p className="hint">{t.reportedTime(percent(s.deliveryTime.reported, locale))}</p>
      </section>

      <section className="card">
        <h3>{t.byMonth}</h3>
        {s.selectionsByMonth.length === 0 ? (
          <p className="hint">{t.none}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.month}</th>
                  <th scope="col">{t.draws}</th>
                  <th scope="col">{t.failedDraws}</th>
                  <th scope="col">{t.rounds}</th>
                  <th scope="col">{t.failedRounds}</th>
                  <th scope="col">{t.direct}</th>
                </tr>
              </thead>
              <tbody>
                {s.selectionsByMonth.map((m) => (
                  <tr key={m.month} data-month={m.month}>
                    <td data-label={t.month}>{m.month}</td>
                    <td data-label={t.draws}>{m.draws}</td>
                    <td data-label={t.failedDraws}>{m.failedDraws}</td>
                    <td data-label={t.rounds}>{m.biddingRounds}</td>
                    <td data-label={t.failedRounds}>{m.failedBiddingRounds}</td>
                    <td data-label={t.direct}>{m.directSelections}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card">
        <h3>{t.byCategory}</h3>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.category}</th>
                <th scope="col">{t.itemsCol}</th>
                <th scope="col">{t.agenciesCol}</th>
              </tr>
            </thead>
            <tbody>
              {s.catalog.categories.map((c) => (
                <tr key={c.categoryCode}>
                  <td data-label={t.category}>{name(c)}</td>
                  <td data-label={t.itemsCol}>{c.items}</td>
                  <td data-label={t.agenciesCol}>{c.agencies}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </section>
  );
}
