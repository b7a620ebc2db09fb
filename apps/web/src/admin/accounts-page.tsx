import { useState } from 'react';
import { api } from '../app/api';
import { formatTime, useLocale, useText } from '../app/locale';
import { AUTH_TEXT } from '../auth/auth-messages';
import type { Account } from '../auth/session';
import { DIRECTORY_TEXT } from '../directory/directory-messages';
import { useAction } from '../ui/action';
import { ActionResult, ErrorNote, StatusFilter } from '../ui/form';
import { useLoad } from '../ui/use-load';
import { ADMIN_TEXT } from './admin-messages';

type AccountRow = Account & { readonly createdAt: string };

/** The operator's review list: sign-ups waiting for approval, with the firm's own registration where it is an agency. */
export function AccountsPage() {
  const t = useText(ADMIN_TEXT);
  const [status, setStatus] = useState('PENDING');
  const accounts = useLoad((signal) => api<AccountRow[]>(`/api/identity/accounts?status=${status}`, { signal }), [status]);
  return (
    <section>
      <h2>{t.accountsHeading}</h2>
      <StatusFilter label={t.filter} value={status} choices={t.statuses} onChange={setStatus} />
      <ErrorNote error={accounts.error} />
      {accounts.data?.length === 0 && <p>{t.none}</p>}
      <ul className="cards">
        {accounts.data?.map((a) => <AccountItem key={a.id} account={a} onChange={accounts.reload} />)}
      </ul>
    </section>
  );
}

function AccountItem({ account: a, onChange }: { account: AccountRow; onChange: () => void }) {
  const t = useText(ADMIN_TEXT);
  const roles = useText(AUTH_TEXT).roles;
  const d = useText(DIRECTORY_TEXT);
  const locale = useLocale();
  const action = useAction();
  const firm = useLoad(
    (signal) => (a.role === 'AGENCY' && a.organizationId ? api<{ name: string; status: string }>(`/api/registry/agencies/${a.organizationId}`, { signal }).catch(() => null) : Promise.resolve(null)),
    [a.organizationId],
  );
  return (
    <li data-account={a.username} data-status={a.status}>
      <strong>{a.displayName}</strong>
      <span className="meta">
        {a.username} · {roles[a.role]} · {formatTime(a.createdAt, locale)}
      </span>
      {a.organizationId && (
        <span className="meta">
          {firm.data ? `${firm.data.name} · ${t.firmStatus(d.statuses[firm.data.status] ?? firm.data.status)}` : `${t.organization}: ${a.organizationId}`}
        </span>
      )}
      <div className="buttons">
        {firm.data?.status === 'PENDING' && (
          <button
            type="button"
            onClick={() => void action.run(() => api(`/api/registry/agencies/${a.organizationId}/status`, { method: 'POST', body: { status: 'ACTIVE', reason: 'registration checked' } }), t.firmApproved).then(() => firm.reload())}
            disabled={action.busy}
          >
            {t.approveFirm}
          </button>
        )}
        {a.status === 'PENDING' && (
          <button type="button" className="primary" onClick={() => void action.run(() => api(`/api/identity/accounts/${a.id}/approve`, { method: 'POST' }), t.approved).then((r) => r !== undefined && onChange())} disabled={action.busy}>
            {t.approve}
          </button>
        )}
      </div>
      <ActionResult action={action} />
    </li>
  );
}
