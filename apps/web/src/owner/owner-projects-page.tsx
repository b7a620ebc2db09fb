import { useState } from 'react';
import { formatYuan, useLocale, useText } from '../app/locale';
import { Link, useRouter } from '../app/router';
import { useSession } from '../auth/session';
import { ErrorNote } from '../ui/form';
import { useLoad } from '../ui/use-load';
import { fetchAnnouncements, fetchProject, rememberedProjects, type ProjectDetail } from '../projects/project-api';
import { PROJECT_TEXT } from '../projects/project-messages';
import { OWNER_TEXT } from './owner-messages';

/** The owner's projects, read through the owner-only project endpoint. */
export function OwnerProjectsPage() {
  const t = useText(OWNER_TEXT);
  const p = useText(PROJECT_TEXT);
  const locale = useLocale();
  const session = useSession();
  const { navigate } = useRouter();
  const [id, setId] = useState('');
  const ownerId = session?.account.organizationId ?? '';
  const projects = useLoad(
    async (signal) => {
      // Drafts made in this browser, and every published project this owner may read (the API answers 403 for
      // another owner's): the projects API has no "my projects" list yet.
      const published = await fetchAnnouncements(signal).catch(() => []);
      const ids = [...new Set([...rememberedProjects(ownerId), ...published.map((a) => a.id)])];
      const found = await Promise.all(ids.map((pid) => fetchProject(pid, signal).catch(() => null)));
      return found.filter((x): x is ProjectDetail => x !== null && x.ownerId === ownerId);
    },
    [ownerId],
    15000,
  );
  return (
    <section>
      <h2>{t.myProjects}</h2>
      <p>
        <Link to="/owner/projects/new" className="button-link primary">
          {t.postHeading}
        </Link>
      </p>
      <ErrorNote error={projects.error} />
      {projects.data && projects.data.length === 0 && <p>{t.noProjects}</p>}
      <ul className="cards">
        {projects.data?.map((x) => (
          <li key={x.id} data-project={x.id}>
            <Link to={`/projects/${x.id}`}>{x.terms.title}</Link>
            <span className="meta">
              {p.methods[x.terms.selection.method] ?? x.terms.selection.method} · {p.statuses[x.status] ?? x.status} · {formatYuan(x.terms.budgetCapFen, locale)}
            </span>
          </li>
        ))}
      </ul>
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
