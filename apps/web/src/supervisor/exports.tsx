import { useState } from 'react';
import { useText } from '../app/locale';
import { useAction, type Action } from '../ui/action';
import { saveBlob } from '../ui/download';
import { ActionResult, Field } from '../ui/form';
import { ProgressBar } from '../ui/progress';
import { downloadWithProgress, type Transfer } from '../ui/transfer';
import { SUPERVISOR_TEXT } from './supervisor-messages';

/**
 * An export as a download: the server assembles it (every entry with its proof) before the first byte, then the
 * body streams; both show on a progress bar, and a refusal names its field like any form's.
 */
function useExport(): { action: Action; transfer: Transfer | null; download: (path: string, filename: string) => Promise<void> } {
  const action = useAction();
  const [transfer, setTransfer] = useState<Transfer | null>(null);
  const download = async (path: string, filename: string) => {
    setTransfer(null);
    await action.run(async () => saveBlob(await downloadWithProgress(path, setTransfer), filename));
    setTransfer(null);
  };
  return { action, transfer, download };
}

function ExportProgress({ action, transfer }: { action: Action; transfer: Transfer | null }) {
  const t = useText(SUPERVISOR_TEXT);
  if (!action.busy) return null;
  return <ProgressBar label={transfer ? t.exportReceiving : t.exportPreparing} transfer={transfer} testId="export-progress" />;
}

/** One project's record as CSV (one row per log entry) and as an OCDS 1.1 release package. */
export function ProjectExports({ projectId }: { projectId: string }) {
  const t = useText(SUPERVISOR_TEXT);
  const { action, transfer, download } = useExport();
  return (
    <div className="exports">
      <div className="buttons">
        <button type="button" onClick={() => void download(`/api/audit/records?projectId=${encodeURIComponent(projectId)}&format=csv`, `record-${projectId}.csv`)} disabled={action.busy}>
          {t.exportCsv}
        </button>
        <button type="button" onClick={() => void download(`/api/audit/projects/${encodeURIComponent(projectId)}/ocds`, `ocds-${projectId}.json`)} disabled={action.busy}>
          {t.exportOcds}
        </button>
      </div>
      <ExportProgress action={action} transfer={transfer} />
      {!action.busy && <ActionResult action={action} />}
    </div>
  );
}

/** Selection records across projects by agency, owner, item, method and period, exported as CSV. */
export function RecordsQuery({ agencies }: { agencies: Map<string, string> }) {
  const t = useText(SUPERVISOR_TEXT);
  const { action, transfer, download } = useExport();
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
        void download(`/api/audit/records?${query()}`, 'selection-records.csv');
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
      <ExportProgress action={action} transfer={transfer} />
      {!action.busy && <ActionResult action={action} labels={{ agencyId: t.agency, ownerOrganizationId: t.owner, serviceItemCode: t.item, method: t.method, from: t.periodFrom, to: t.periodTo }} />}
      <button type="submit" className="primary" disabled={action.busy}>
        {t.exportCsv}
      </button>
    </form>
  );
}
