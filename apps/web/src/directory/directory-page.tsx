import { useState } from 'react';
import { api } from '../app/api';
import { punctuation, useLocale, useText } from '../app/locale';
import { Link } from '../app/router';
import { ErrorNote } from '../ui/form';
import { useLoad } from '../ui/use-load';
import { DIRECTORY_TEXT } from './directory-messages';

interface DirectoryEntry {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly status: string;
  readonly creditScore: number;
  readonly qualifications: readonly { readonly serviceItemCode: string; readonly level: number; readonly validUntil: string }[];
}

interface Filters {
  q: string;
  serviceItemCode: string;
  level: string;
  region: string;
  status: string;
}

/** The statuses the directory lists; firms under review or withdrawn are not public. */
const LISTED = ['ACTIVE', 'SUSPENDED', 'BLACKLISTED'];

const EMPTY: Filters = { q: '', serviceItemCode: '', level: '', region: '', status: '' };

/** The public directory of firms, searchable by name, item, qualification level, region and status. */
export function DirectoryPage() {
  const t = useText(DIRECTORY_TEXT);
  const punct = punctuation(useLocale());
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v.trim() !== '')).toString();
  const list = useLoad((signal) => api<DirectoryEntry[]>(`/api/registry/directory?${query}`, { signal }), [query]);
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });

  return (
    <section>
      <h2>{t.heading}</h2>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <label>
          {t.name}
          <input name="q" value={draft.q} onChange={set('q')} />
        </label>
        <label>
          {t.item}
          <input name="serviceItemCode" value={draft.serviceItemCode} onChange={set('serviceItemCode')} placeholder="EIA-REPORT" />
        </label>
        <label>
          {t.level}
          <select name="level" value={draft.level} onChange={set('level')}>
            <option value="">—</option>
            {[1, 2, 3].map((n) => (
              <option key={n} value={n}>
                {t.levelOrBetter(n)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.region}
          <input name="region" value={draft.region} onChange={set('region')} placeholder="330100" />
        </label>
        <label>
          {t.status}
          <select name="status" value={draft.status} onChange={set('status')}>
            <option value="">—</option>
            {Object.entries(t.statuses)
              .filter(([k]) => LISTED.includes(k))
              .map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t.search}</button>
      </form>
      <ErrorNote error={list.error} />
      {list.data && (
        <>
          <p className="hint" aria-live="polite">{t.found(list.data.length)}</p>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.name}</th>
                  <th scope="col">{t.region}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.qualifications}</th>
                  <th scope="col">{t.credit}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((a) => (
                  <tr key={a.id} data-agency={a.id}>
                    <td data-label={t.name}>
                      <Link to={`/directory/${a.id}`}>{a.name}</Link>
                    </td>
                    <td data-label={t.region}>{a.region}</td>
                    <td data-label={t.status}>{t.statuses[a.status] ?? a.status}</td>
                    <td data-label={t.qualifications}>{a.qualifications.map((q) => `${q.serviceItemCode} · ${t.grade(q.level)}`).join(punct.items)}</td>
                    <td data-label={t.credit}>{a.creditScore}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
