import { useState } from 'react';
import { api } from '../app/api';
import { useText } from '../app/locale';
import { Link } from '../app/router';
import { DIRECTORY_TEXT } from '../directory/directory-messages';
import { useAction } from '../ui/action';
import { ActionResult, ChoiceSelect, Field } from '../ui/form';
import { useLoad } from '../ui/use-load';
import { SUPERVISOR_TEXT } from './supervisor-messages';

function instant(local: string): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}

/** Suspend or blacklist a firm for a period (it ends by itself), or reinstate it, always with a reason. */
export function SanctionsPage() {
  const t = useText(SUPERVISOR_TEXT);
  const d = useText(DIRECTORY_TEXT);
  const firms = useLoad((signal) => api<{ id: string; name: string; status: string }[]>('/api/registry/directory?limit=500', { signal }), []);
  const [agencyId, setAgencyId] = useState('');
  const [status, setStatus] = useState<'SUSPENDED' | 'BLACKLISTED' | 'ACTIVE'>('SUSPENDED');
  const [reason, setReason] = useState('');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const action = useAction();
  const labels = { agencyId: t.agency, status: t.kind, reason: t.sanctionReason, from: t.from, until: t.until };

  return (
    <section className="card">
      <h2>{t.sanctionsHeading}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const body = status === 'ACTIVE' ? { status, reason } : { status, reason, from: instant(from), until: instant(until) };
          void action.run(() => api(`/api/registry/agencies/${agencyId}/status`, { method: 'POST', body }), t.imposed).then((r) => r !== undefined && firms.reload());
        }}
      >
        <Field label={t.agency} name="agencyId" action={action}>
          <select name="agencyId" value={agencyId} onChange={(e) => setAgencyId(e.target.value)} required>
            <option value="">—</option>
            {firms.data?.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}（{d.statuses[f.status] ?? f.status}）
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.kind} name="status" action={action}>
          <ChoiceSelect name="status" value={status} choices={t.kinds} onChange={(v) => setStatus(v as typeof status)} />
        </Field>
        <Field label={t.sanctionReason} name="reason" action={action}>
          <textarea name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        {status !== 'ACTIVE' && (
          <div className="grid">
            <Field label={t.from} name="from" action={action}>
              <input name="from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
            </Field>
            <Field label={t.until} name="until" action={action}>
              <input name="until" type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} />
            </Field>
          </div>
        )}
        <ActionResult action={action} labels={labels} />
        <button type="submit" className="primary" disabled={action.busy}>
          {t.impose}
        </button>
      </form>
      {agencyId && (
        <p>
          <Link to={`/directory/${agencyId}`}>{firms.data?.find((f) => f.id === agencyId)?.name}</Link>
        </p>
      )}
    </section>
  );
}
