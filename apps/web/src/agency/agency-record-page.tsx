import { api } from '../app/api';
import { punctuation, useLocale, useText } from '../app/locale';
import { useSession } from '../auth/session';
import { CreditEntries } from '../directory/agency-profile-page';
import { DIRECTORY_TEXT } from '../directory/directory-messages';
import { ErrorNote } from '../ui/form';
import { useLoad } from '../ui/use-load';
import { AGENCY_TEXT } from './agency-messages';

interface AgencyRecord {
  readonly id: string;
  readonly name: string;
  readonly creditCode: string;
  readonly region: string;
  readonly status: string;
  readonly qualifications: readonly { readonly certificateNumber?: string; readonly serviceItemCode: string; readonly level: number; readonly validFrom: string; readonly validUntil: string }[];
}

interface CreditRecord {
  readonly score: number;
  readonly formula: { readonly version: string };
  readonly entries: readonly { readonly sequence: number; readonly cause: string; readonly delta: number; readonly scoreAfter: number; readonly recordedAt: string }[];
  readonly recomputed: { readonly consistent: boolean; readonly firstInconsistentSequence: number | null };
}

/** The agency's own full record and its whole credit record (the public profile shows only the latest entries). */
export function AgencyRecordPage() {
  const t = useText(AGENCY_TEXT);
  const d = useText(DIRECTORY_TEXT);
  const punct = punctuation(useLocale());
  const agencyId = useSession()?.account.organizationId ?? null;
  const record = useLoad((signal) => (agencyId ? api<AgencyRecord>(`/api/registry/agencies/${agencyId}`, { signal }) : Promise.resolve(null)), [agencyId]);
  const credit = useLoad((signal) => (agencyId ? api<CreditRecord>(`/api/registry/agencies/${agencyId}/credit`, { signal }) : Promise.resolve(null)), [agencyId]);
  if (!agencyId) return <p className="notice">{t.noOrganization}</p>;
  const r = record.data;
  const c = credit.data;
  return (
    <section className="card">
      <h2>{t.recordHeading}</h2>
      <ErrorNote error={record.error ?? credit.error} />
      {r && (
        <dl className="facts">
          <dt>{d.name}</dt>
          <dd>{r.name}</dd>
          <dt>{d.region}</dt>
          <dd>{r.region}</dd>
          <dt>{d.status}</dt>
          <dd>{d.statuses[r.status] ?? r.status}</dd>
          <dt>{d.qualifications}</dt>
          <dd>{r.qualifications.map((q) => `${q.serviceItemCode} · ${d.grade(q.level)} · ${q.validUntil}`).join(punct.items)}</dd>
        </dl>
      )}
      {c && (
        <>
          <p className="score" data-testid="credit-score">
            {t.score}: <strong>{c.score}</strong> <span className="hint">({c.formula.version})</span>
          </p>
          <p className={`notice ${c.recomputed.consistent ? 'ok' : 'bad'}`}>{c.recomputed.consistent ? t.consistent : t.inconsistent(c.recomputed.firstInconsistentSequence)}</p>
          <CreditEntries entries={c.entries} />
        </>
      )}
    </section>
  );
}
