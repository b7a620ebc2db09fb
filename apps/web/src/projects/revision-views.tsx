import { formatTime, formatYuan, punctuation, useLocale, useText } from '../app/locale';
import type { Amendment, ProjectDetail } from './project-api';
import { REVISION_TEXT } from './revision-messages';

/** The announcement's amendments (变更公告), for everyone: when, why, and which terms each one changed. */
export function AmendmentHistory({ amendments }: { amendments: readonly Amendment[] }) {
  const t = useText(REVISION_TEXT);
  const locale = useLocale();
  const punct = punctuation(locale);
  if (amendments.length === 0) return null;
  return (
    <section className="card" data-testid="amendments">
      <h3>{t.amendmentsHeading(amendments.length)}</h3>
      <ol className="plain amendments">
        {amendments.map((a) => (
          <li key={a.amendment} data-amendment={a.amendment} className="amendment">
            <strong>{t.amendmentNo(a.amendment)}</strong> · {formatTime(a.at, locale)}
            <dl className="facts">
              <dt>{t.reason}</dt>
              <dd>{a.reason}</dd>
              <dt>{t.changed}</dt>
              <dd data-testid="changed-fields">{a.changedFields.length > 0 ? a.changedFields.map((f) => t.fields[f] ?? f).join(punct.list) : t.noFieldNamed}</dd>
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * Direct selection flagged where the whole project is shown (its owner, supervisors): the method, the written
 * justification and the threshold, so a supervisor sees at once why no draw or bidding took place.
 */
export function DirectSelectionFlag({ project }: { project: ProjectDetail }) {
  const t = useText(REVISION_TEXT);
  const locale = useLocale();
  if (project.terms.selection.method !== 'DIRECT_SELECTION') return null;
  const limit = project.policy?.directSelectionBelowFen;
  return (
    <div className="notice flagged" data-testid="direct-selection-flag">
      <p>
        <span className="tag">{t.flag}</span>
      </p>
      <p>{t.flagIntro}</p>
      <p>
        <strong>{t.justification}</strong>
        {punctuation(locale).colon}
        <span data-testid="justification">{String(project.terms.selection['justification'] ?? '')}</span>
      </p>
      {limit !== undefined && <p className="hint">{t.threshold(formatYuan(project.terms.budgetCapFen, locale), formatYuan(limit, locale))}</p>}
    </div>
  );
}
