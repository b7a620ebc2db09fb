import { useState } from 'react';
import { apiBlob } from '../app/api';
import { useText } from '../app/locale';
import { useAction } from '../ui/action';
import { saveBlob } from '../ui/download';
import { ActionResult, Field } from '../ui/form';
import { SUPERVISOR_TEXT } from './supervisor-messages';

/** One project's record as CSV (one row per log entry) and as an OCDS 1.1 release package. */
export function ProjectExports({ projectId }: { projectId: string }) {
  const t = useText(SUPERVISOR_TEXT);
  const action = useAction();
  const download = (path: string, filename: string) => void action.run(async () => saveBlob(await apiBlob(path), filename));
  return (
    <div className="buttons">
      <button type="button" onClick={() => download(`/api/audit/records?projectId=${encodeURIComponent(projectId)}&format=csv`, `record-${projectId}.csv`)} disabled={action.busy}>
        {t.exportCsv}
      </button>
      <button type="button" onClick={() => download(`/api/audit/projects/${encodeURIComponent(projectId)}/ocds`, `ocds-${projectId}.json`)} disabled={action.busy}>
        {t.exportOcds}
      </button>
      <ActionResult action={action} />
    </div>
  );
}

/** Selection records across projects by agency, owner, item, method and period, exported as CSV. */
export function RecordsQuery({ agencies }: { agencies: Map<string, string> }) {
  const t = useText(SUPERVISOR_TEXT);
  const action = useAction();
  const [q, setQ] = useState({ agencyId: '', ownerOrganizationId: '', serviceItemCode: '', method: '', from: '', to: '' });
  const set = (key: keyof typeof q) => (e: { target: { value: string } }) => setQ({ ...q, [key]: e.target.value });
  const query = () => {
    const params = new URLSearchParams({ format: 'csv' });
    for (const [k, v] of Object.entries(q)) if (v.trim()) params.set(k, k === 'from' || k === 'to' ? new Date(v).toISOString() : v.trim());
    return params.toString();
  };
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => saveBlob(await apiBlob(`/api/audit/records?${query()}`), 'selection-records.csv'));
      }}
    >
      <h3>{t.recordsQuery}</h3>
      <div className="grid">
        <Field label={t.agency} name="agencyId" action={action}>
          <select name="agencyId" value={q.agencyId} onChange={set('agencyId')}>
            <option value="">—</option>
            {[...agencies.entries()].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.owner} name="ownerOrganizationId" action={action}>
          <input name="ownerOrganizationId" value={q.ownerOrganizationId} onChange={set('ownerOrganizationId')} />
        </Field>
        <Field label={t.item} name="serviceItemCode" action={action}>
          <input name="serviceItemCode" value={q.serviceItemCode} onChange={set('serviceItemCode')} />
        </Field>
        <Field label={t.method} name="method" action={action}>
          <select name="method" value={q.method} onChange={set('method')}>
            <option value="">—</option>
            {Object.entries(t.methods).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.periodFrom} name="from" action={action}>
          <input name="from" type="datetime-local" value={q.from} onChange={set('from')} />
        </Field>
        <Field label={t.periodTo} name="to" action={action}>
          <input name="to" type="datetime-local" value={q.to} onChange={set('to')} />
        </Field>
      </div>
      <ActionResult action={action} labels={{ agencyId: t.agency, ownerOrganizationId: t.owner, serviceItemCode: t.item, method: t.method, from: t.periodFrom, to: t.periodTo }} />
      <button type="submit" className="primary" disabled={action.busy}>
        {t.exportCsv}
      </button>
    </form>
  );
}
