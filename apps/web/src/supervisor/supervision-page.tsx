import { formatYuan, useLocale, useText } from '../app/locale';
import { Link } from '../app/router';
import { ErrorNote } from '../ui/form';
import { useLoad } from '../ui/use-load';
import { fetchAgencyNames, fetchAnnouncements } from '../projects/project-api';
import { RecordsQuery } from './exports';
import { FairnessPanel } from './fairness-panel';
import { PROJECT_TEXT } from '../projects/project-messages';
import { REVISION_TEXT } from '../projects/revision-messages';
import { SUPERVISOR_TEXT } from './supervisor-messages';

export function SupervisionPage() {
  const t = useText(SUPERVISOR_TEXT);
  const p = useText(PROJECT_TEXT);
  const r = useText(REVISION_TEXT);
  const locale = useLocale();
  const list = useLoad(fetchAnnouncements, [], 5000);
  const names = useLoad(fetchAgencyNames, []);
  return (
    <section>
      <h2>{t.projectsHeading}</h2>
      <p className="hint">{t.projectsIntro}</p>
      <ErrorNote error={list.error} />
      <ul className="cards">
        {list.data?.map((a) => (
          <li key={a.id} data-project={a.id}>
            <Link to={`/projects/${a.id}`}>{a.title}</Link>
            <span className="meta">
              {p.methods[a.method] ?? a.method} · {p.statuses[a.status] ?? a.status} · {formatYuan(a.budgetCapFen, locale)}
              {/* DESIGN: direct selection is flagged to supervisors. */}
              {a.method === 'DIRECT_SELECTION' && (
                <span className="tag" data-testid="direct-selection-tag">
                  {r.flag}
                </span>
              )}
            </span>
            <Link to={`/supervisor/projects/${a.id}/record`}>{t.openRecord}</Link>
          </li>
        ))}
      </ul>
      <RecordsQuery agencies={names.data ?? new Map()} />
      <FairnessPanel names={names.data ?? new Map()} />
    </section>
  );
}
