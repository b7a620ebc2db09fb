import { useState } from 'react';
import { api, apiBlob } from '../app/api';
import { formatTime, punctuation, useLocale, useText } from '../app/locale';
import type { Registration, RegistrationSummary } from '../agency/registration-api';
import { REGISTRATION_TEXT } from '../agency/registration-messages';
import { useAction } from '../ui/action';
import { ActionResult, ErrorNote, Field, StatusFilter } from '../ui/form';
import { useLoad } from '../ui/use-load';

/** The operator's queue of registration applications: the content, each certificate's scan, and the decision with a reason. */
export function RegistrationsPage() {
  const t = useText(REGISTRATION_TEXT);
  const [status, setStatus] = useState('SUBMITTED');
  const list = useLoad((signal) => api<RegistrationSummary[]>(`/api/registry/registrations?status=${status}`, { signal }), [status]);
  return (
    <section>
      <h2>{t.reviewHeading}</h2>
      <StatusFilter label={t.filter} value={status} choices={t.statuses} onChange={setStatus} />
      <ErrorNote error={list.error} />
      {list.data?.length === 0 && <p>{t.none}</p>}
      {list.data?.map((r) => <Application key={r.id} id={r.id} onChange={list.reload} />)}
    </section>
  );
}

function Application({ id, onChange }: { id: string; onChange: () => void }) {
  const t = useText(REGISTRATION_TEXT);
  const locale = useLocale();
  const punct = punctuation(locale);
  const application = useLoad((signal) => api<Registration>(`/api/registry/registrations/${id}`, { signal }), [id]);
  const action = useAction();
  const scan = useAction();
  const [decision, setDecision] = useState<'APPROVE' | 'REQUEST_CHANGES' | 'REJECT'>('APPROVE');
  const [reason, setReason] = useState('');
  const r = application.data;
  if (!r) return <ErrorNote error={application.error} />;
  const c = r.content;

  async function openScan(scanId: string): Promise<void> {
    const blob = await scan.run(() => apiBlob(`/api/registry/scans/${scanId}`));
    if (blob) window.open(URL.createObjectURL(blob), '_blank', 'noopener');
  }

  return (
    <article className="card" data-registration={r.id} data-status={r.status}>
      <h3>{c.name}</h3>
      <dl className="facts">
        <dt>{t.creditCode}</dt>
        <dd>{c.creditCode}</dd>
        <dt>{t.legalRepresentative}</dt>
        <dd>{c.legalRepresentative}</dd>
        <dt>{t.contactName}</dt>
        <dd>{c.contacts.map((x) => [x.name, x.phone, x.email].filter(Boolean).join(' · ')).join(punct.items)}</dd>
        <dt>{t.region}</dt>
        <dd>{c.region}</dd>
        <dt>{t.serviceItems}</dt>
        <dd>{c.serviceItems.join(punct.list)}</dd>
        <dt>{t.submittedAt}</dt>
        <dd>{formatTime(r.submittedAt, locale)}</dd>
      </dl>
      <ul className="plain">
        {c.qualifications.map((q, i) => (
          <li key={q.certificateNumber}>
            {t.certificate(i + 1)}{punct.colon}{q.qualificationType} · {q.level} · {q.certificateNumber} · {q.issuer} · {q.validFrom} — {q.validUntil}{' '}
            <button type="button" onClick={() => void openScan(q.scanId)}>
              {t.downloadScan}
            </button>
          </li>
        ))}
      </ul>
      <ActionResult action={scan} />
      {(r.status === 'SUBMITTED') && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void action.run(() => api(`/api/registry/registrations/${r.id}/review`, { method: 'POST', body: { decision, reason: reason.trim() === '' ? undefined : reason } }), t.decided).then((x) => x !== undefined && onChange());
          }}
        >
          <fieldset>
            <legend>{t.decision}</legend>
            <div className="radios">
              {(['APPROVE', 'REQUEST_CHANGES', 'REJECT'] as const).map((d) => (
                <label key={d}>
                  <input type="radio" name={`decision-${r.id}`} checked={decision === d} onChange={() => setDecision(d)} /> {t.decisions[d]}
                </label>
              ))}
            </div>
            <Field label={t.reason} name="reason" action={action}>
              <textarea name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
            </Field>
          </fieldset>
          <ActionResult action={action} labels={{ reason: t.reason, decision: t.decision }} />
          <button type="submit" className="primary" disabled={action.busy}>
            {t.decide}
          </button>
        </form>
      )}
    </article>
  );
}
