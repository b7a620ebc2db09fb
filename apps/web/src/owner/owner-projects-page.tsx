import { useState } from 'react';
import { formatTime, formatYuan, useLocale, useText } from '../app/locale';
import { Link, useRouter } from '../app/router';
import { ErrorNote, StatusFilter } from '../ui/form';
import { useLoad } from '../ui/use-load';
import { fetchOwnProjects } from '../projects/project-api';
import { PROJECT_TEXT } from '../projects/project-messages';
import { OWNER_TEXT } from './owner-messages';

const PAGE_SIZE = 20;

/** The owner organisation's projects, drafts included, from GET /api/projects/mine: what each waits for, and from whom. */
export function OwnerProjectsPage() {
  const t = useText(OWNER_TEXT);
  const p = useText(PROJECT_TEXT);
  const locale = useLocale();
  const { navigate } = useRouter();
  const [id, setId] = useState('');
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const projects = useLoad((signal) => fetchOwnProjects(status, offset, PAGE_SIZE, signal), [status, offset], 15000);
  const page = projects.data;
  const choices = { '': t.allStatuses, ...Object.fromEntries(Object.entries(p.statuses).map(([code, label]) => [code, `${label}${page?.countsByStatus[code] ? ` (${page.countsByStatus[code]})` : ''}`])) };
  return (
    <section>
      <h2>{t.myProjects}</h2>
      <p>
        <Link to="/owner/projects/new" className="button-link primary">
          {t.postHeading}
        </Link>
      </p>
      <StatusFilter
        label={t.statusFilter}
        value={status}
        choices={choices}
        onChange={(value) => {
          setStatus(value);
          setOffset(0);
        }}
      />
      <ErrorNote error={projects.error} />
      {page && page.total === 0 && <p>{t.noProjects}</p>}
      <ul className="cards">
        {page?.items.map((x) => (
          <li key={x.id} data-project={x.id} data-status={x.status}>
            <Link to={`/projects/${x.id}`}>{x.title}</Link>
            <span className="meta">
              <span data-method={x.method}>{p.methods[x.method] ?? x.method}</span>
              {x.entropySource && <span data-entropy-source={x.entropySource}> · {p.entropySources[x.entropySource] ?? x.entropySource}</span>} · {p.statuses[x.status] ?? x.status} ·{' '}
              {formatYuan(x.budgetCapFen, locale)}
              {x.status === 'PUBLISHED' && ` · ${t.signUpCount(x.signUpCount)}`}
              {x.pendingObjections > 0 && ` · ${t.pendingObjections(x.pendingObjections)}`}
            </span>
            {x.nextAction && (
              <span className="meta" data-next-action={x.nextAction.kind}>
                {x.nextAction.by === 'OWNER' && <span className="tag ok">{t.yourMove}</span>} {t.nextActions[x.nextAction.kind] ?? x.nextAction.kind}
                {x.nextAction.due && t.due(x.nextAction.due.length > 10 ? formatTime(x.nextAction.due, locale) : x.nextAction.due)}
              </span>
            )}
          </li>
        ))}
      </ul>
      {page && page.total > page.limit && (
        <p className="inline-form">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            {t.previousPage}
          </button>
          <span>{t.pageOf(page.offset + 1, page.offset + page.items.length, page.total)}</span>
          <button type="button" disabled={offset + PAGE_SIZE >= page.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
            {t.nextPage}
          </button>
        </p>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (id.trim()) navigate(`/projects/${id.trim()}`);
        }}
      >
        <label>
          {t.openById}
          <input name="projectId" value={id} onChange={(e) => setId(e.target.value)} placeholder={t.projectId} />
        </label>
        <button type="submit">{t.open}</button>
      </form>
    </section>
  );
}
