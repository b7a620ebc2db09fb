import { useState } from 'react';
import { api } from '../app/api';
import { useText } from '../app/locale';
import { useAction } from '../ui/action';
import { ActionResult, Field } from '../ui/form';
import { AUTH_TEXT } from './auth-messages';

/** Self-service sign-up for an agency's or an owner's user; the account waits for an operator's approval. */
export function SignUpPage() {
  const t = useText(AUTH_TEXT);
  const [form, setForm] = useState({ username: '', password: '', displayName: '', role: 'AGENCY' as 'AGENCY' | 'OWNER', organizationId: '' });
  const action = useAction();
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const labels = { username: t.username, password: t.password, displayName: t.displayName, role: t.role, organizationId: form.role === 'AGENCY' ? t.agencyId : t.ownerOrg };

  return (
    <section className="card narrow">
      <h2>{t.signUpHeading}</h2>
      <p className="hint">{t.signUpIntro}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(() => api('/api/identity/sign-up', { method: 'POST', body: form }), t.signedUp);
        }}
      >
        <Field label={t.role} name="role" action={action}>
          <select name="role" value={form.role} onChange={set('role')}>
            <option value="AGENCY">{t.roles.AGENCY}</option>
            <option value="OWNER">{t.roles.OWNER}</option>
          </select>
        </Field>
        <Field label={t.username} name="username" action={action}>
          <input name="username" autoComplete="username" value={form.username} onChange={set('username')} />
        </Field>
        <Field label={t.password} name="password" action={action} hint={t.passwordHint}>
          <input name="password" type="password" autoComplete="new-password" value={form.password} onChange={set('password')} />
        </Field>
        <Field label={t.displayName} name="displayName" action={action}>
          <input name="displayName" value={form.displayName} onChange={set('displayName')} />
        </Field>
        <Field label={labels.organizationId} name="organizationId" action={action} hint={form.role === 'AGENCY' ? t.newFirmHint : undefined}>
          <input name="organizationId" value={form.organizationId} onChange={set('organizationId')} />
        </Field>
        {form.role === 'AGENCY' && (
          <button type="button" onClick={() => setForm({ ...form, organizationId: crypto.randomUUID() })}>
            {t.newFirm}
          </button>
        )}
        <ActionResult action={action} labels={labels} />
        <button type="submit" className="primary" disabled={action.busy}>
          {t.signUp}
        </button>
      </form>
    </section>
  );
}
