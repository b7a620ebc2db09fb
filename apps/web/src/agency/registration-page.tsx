import { useState } from 'react';
import { api } from '../app/api';
import { formatTime, useLocale, useText } from '../app/locale';
import { useAction } from '../ui/action';
import { ActionResult, ErrorNote, Field } from '../ui/form';
import { useLoad } from '../ui/use-load';
import type { Certificate, Registration, RegistrationSummary } from './registration-api';
import { REGISTRATION_TEXT } from './registration-messages';

interface CatalogItems {
  readonly categories: readonly { readonly items: readonly { readonly code: string; readonly name: { zhCN: string; en: string }; readonly qualificationType: string; readonly minimumLevel: number }[] }[];
}

const emptyCertificate = (): Certificate => ({ qualificationType: '', level: 3, certificateNumber: '', issuer: '', validFrom: '', validUntil: '', scanId: '' });

/** The firm's own registration (入驻申请): its applications with their history, and the form to apply. */
export function RegistrationPage() {
  const t = useText(REGISTRATION_TEXT);
  const locale = useLocale();
  const mine = useLoad((signal) => api<RegistrationSummary[]>('/api/registry/registrations', { signal }).then((list) => Promise.all(list.map((r) => api<Registration>(`/api/registry/registrations/${r.id}`, { signal })))), []);
  const open = mine.data?.some((r) => r.status !== 'REJECTED') ?? false;
  // An application the operator sent back is corrected and resubmitted whole.
  const sentBack = mine.data?.find((r) => r.status === 'CHANGES_REQUESTED') ?? null;
  return (
    <section>
      <h2>{t.heading}</h2>
      <p className="hint">{t.intro}</p>
      <ErrorNote error={mine.error} />
      <h3>{t.mine}</h3>
      {mine.data?.length === 0 && <p>{t.none}</p>}
      <ul className="cards">
        {mine.data?.map((r) => (
          <li key={r.id} data-registration={r.id} data-status={r.status}>
            <strong>{r.content.name}</strong>
            <span className="meta">
              {t.statuses[r.status] ?? r.status} · {formatTime(r.submittedAt, locale)}
            </span>
            <ul className="plain">
              {r.history?.map((h) => (
                <li key={h.sequence} className="meta">
                  {formatTime(h.at, locale)} · {t.actions[h.action] ?? h.action}
                  {h.reason ? ` · ${h.reason}` : ''}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {mine.data && !open && <RegistrationForm onDone={mine.reload} />}
      {sentBack && <RegistrationForm key={`${sentBack.id}-${sentBack.revision}`} existing={sentBack} onDone={mine.reload} />}
    </section>
  );
}

function RegistrationForm({ existing, onDone }: { existing?: Registration; onDone: () => void }) {
  const t = useText(REGISTRATION_TEXT);
  const locale = useLocale();
  const catalog = useLoad((signal) => api<CatalogItems>('/api/registry/catalog', { signal }), []);
  const action = useAction();
  const upload = useAction();
  const before = existing?.content;
  const [f, setF] = useState({
    name: before?.name ?? '', creditCode: before?.creditCode ?? '', legalRepresentative: before?.legalRepresentative ?? '', contactName: before?.contacts[0]?.name ?? '',
    contactPhone: before?.contacts[0]?.phone ?? '', contactEmail: before?.contacts[0]?.email ?? '', region: before?.region ?? '330100',
  });
  const [certificates, setCertificates] = useState<Certificate[]>(before ? before.qualifications.map((q) => ({ ...q })) : [emptyCertificate()]);
  const [scans, setScans] = useState<Record<number, string>>({});
  const [items, setItems] = useState<string[]>(before ? [...before.serviceItems] : []);
  const set = (key: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [key]: e.target.value });
  const setCert = (i: number, patch: Partial<Certificate>) => setCertificates(certificates.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  async function uploadScan(i: number, file: File | undefined): Promise<void> {
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    const scan = await upload.run(() => api<{ id: string; sha256: string }>('/api/registry/scans', { method: 'POST', form }));
    if (!scan) return;
    setCert(i, { scanId: scan.id });
    setScans({ ...scans, [i]: scan.sha256 });
  }

  const labels: Record<string, string> = {
    name: t.name, creditCode: t.creditCode, legalRepresentative: t.legalRepresentative, contacts: t.contactName, 'contacts.0.name': t.contactName, 'contacts.0.phone': t.contactPhone,
    'contacts.0.email': t.contactEmail, region: t.region, serviceItems: t.serviceItems, qualifications: t.certificate(1),
  };
  certificates.forEach((_, i) => {
    for (const [k, v] of Object.entries({ qualificationType: t.qualificationType, level: t.level, certificateNumber: t.certificateNumber, issuer: t.issuer, validFrom: t.validFrom, validUntil: t.validUntil, scanId: t.scan })) {
      labels[`qualifications.${i}.${k}`] = `${t.certificate(i + 1)} · ${v}`;
    }
  });
  const body = () => ({
    name: f.name,
    creditCode: f.creditCode,
    legalRepresentative: f.legalRepresentative,
    contacts: [{ name: f.contactName, phone: f.contactPhone, email: f.contactEmail.trim() === '' ? null : f.contactEmail }],
    region: f.region,
    qualifications: certificates.map((c) => ({ ...c, level: Number(c.level) })),
    serviceItems: items,
  });

  return (
    <form
      className="card"
      data-testid={existing ? 'resubmit-form' : 'registration-form'}
      onSubmit={(e) => {
        e.preventDefault();
        const send = () => (existing ? api(`/api/registry/registrations/${existing.id}`, { method: 'PUT', body: body() }) : api('/api/registry/registrations', { method: 'POST', body: body() }));
        void action.run(send, t.submitted).then((r) => r !== undefined && onDone());
      }}
    >
      <div className="grid">
        <Field label={t.name} name="name" action={action}>
          <input name="name" value={f.name} onChange={set('name')} />
        </Field>
        <Field label={t.creditCode} name="creditCode" action={action}>
          <input name="creditCode" value={f.creditCode} onChange={set('creditCode')} maxLength={18} />
        </Field>
        <Field label={t.legalRepresentative} name="legalRepresentative" action={action}>
          <input name="legalRepresentative" value={f.legalRepresentative} onChange={set('legalRepresentative')} />
        </Field>
        <Field label={t.region} name="region" action={action}>
          <input name="region" value={f.region} onChange={set('region')} />
        </Field>
        <Field label={t.contactName} name="contacts.0.name" action={action}>
          <input name="contactName" value={f.contactName} onChange={set('contactName')} />
        </Field>
        <Field label={t.contactPhone} name="contacts.0.phone" action={action}>
          <input name="contactPhone" type="tel" value={f.contactPhone} onChange={set('contactPhone')} />
        </Field>
        <Field label={t.contactEmail} name="contacts.0.email" action={action}>
          <input name="contactEmail" type="email" value={f.contactEmail} onChange={set('contactEmail')} />
        </Field>
      </div>
      {certificates.map((c, i) => (
        <fieldset key={i}>
          <legend>{t.certificate(i + 1)}</legend>
          <div className="grid">
            <Field label={t.qualificationType} name={`qualifications.${i}.qualificationType`} action={action}>
              <input name={`qualifications.${i}.qualificationType`} value={c.qualificationType} onChange={(e) => setCert(i, { qualificationType: e.target.value })} placeholder="SURVEYING_AND_MAPPING" />
            </Field>
            <Field label={t.level} name={`qualifications.${i}.level`} action={action}>
              <input name={`qualifications.${i}.level`} type="number" min={1} max={9} value={c.level} onChange={(e) => setCert(i, { level: Number(e.target.value) })} />
            </Field>
            <Field label={t.certificateNumber} name={`qualifications.${i}.certificateNumber`} action={action}>
              <input name={`qualifications.${i}.certificateNumber`} value={c.certificateNumber} onChange={(e) => setCert(i, { certificateNumber: e.target.value })} />
            </Field>
            <Field label={t.issuer} name={`qualifications.${i}.issuer`} action={action}>
              <input name={`qualifications.${i}.issuer`} value={c.issuer} onChange={(e) => setCert(i, { issuer: e.target.value })} />
            </Field>
            <Field label={t.validFrom} name={`qualifications.${i}.validFrom`} action={action}>
              <input name={`qualifications.${i}.validFrom`} type="date" value={c.validFrom} onChange={(e) => setCert(i, { validFrom: e.target.value })} />
            </Field>
            <Field label={t.validUntil} name={`qualifications.${i}.validUntil`} action={action}>
              <input name={`qualifications.${i}.validUntil`} type="date" value={c.validUntil} onChange={(e) => setCert(i, { validUntil: e.target.value })} />
            </Field>
          </div>
          <Field label={t.scan} name={`qualifications.${i}.scanId`} action={action} hint={scans[i] ? t.scanUploaded(scans[i]) : c.scanId ? t.scanKept : undefined}>
            <input name={`qualifications.${i}.scan`} type="file" accept="application/pdf,image/png,image/jpeg" onChange={(e) => void uploadScan(i, e.target.files?.[0])} />
          </Field>
        </fieldset>
      ))}
      <ActionResult action={upload} labels={{ file: t.scan }} />
      <button type="button" onClick={() => setCertificates([...certificates, emptyCertificate()])}>
        {t.addCertificate}
      </button>
      <Field label={t.serviceItems} name="serviceItems" action={action}>
        <select name="serviceItems" multiple size={8} value={items} onChange={(e) => setItems(Array.from(e.target.selectedOptions, (o) => o.value))}>
          {catalog.data?.categories.flatMap((c) =>
            c.items.map((i) => (
              <option key={i.code} value={i.code}>
                {i.code} · {locale === 'en' ? i.name.en : i.name.zhCN} · {i.qualificationType} ≤ {i.minimumLevel}
              </option>
            )),
          )}
        </select>
      </Field>
      <ActionResult action={action} labels={labels} />
      <button type="submit" className="primary" disabled={action.busy || upload.busy}>
        {existing ? t.resubmit : t.submit}
      </button>
    </form>
  );
}
