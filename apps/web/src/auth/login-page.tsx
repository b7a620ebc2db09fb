import { useState } from 'react';
import { api } from '../app/api';
import { Link, useRouter } from '../app/router';
import { useText } from '../app/locale';
import { useAction } from '../ui/action';
import { ActionResult, Field } from '../ui/form';
import { AUTH_TEXT } from './auth-messages';
import { startSession, type SessionTokens } from './session';
import { homeOf } from './role-home';

export function LoginPage() {
  const t = useText(AUTH_TEXT);
  const { navigate, query } = useRouter();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();

  async function submit(): Promise<void> {
    const tokens = await action.run(() => api<SessionTokens>('/api/identity/login', { method: 'POST', body: { username, password, refreshTokenDelivery: 'cookie' } }));
    if (!tokens) return;
    startSession(tokens);
    navigate(safeNext(query.get('next')) ?? homeOf(tokens.account.role), { replace: true });
  }

  return (
    <section className="card narrow">
      <h2>{t.loginHeading}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label={t.username} name="username" action={action}>
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        </Field>
        <Field label={t.password} name="password" action={action}>
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </Field>
        <ActionResult action={action} labels={{ username: t.username, password: t.password }} />
        <button type="submit" className="primary" disabled={action.busy}>
          {t.login}
        </button>
      </form>
      <p className="hint">
        {t.noAccount} <Link to="/sign-up">{t.signUpLink}</Link>
      </p>
    </section>
  );
}

/** Only a path on this site: `?next=//elsewhere` or an absolute URL must not take a fresh session away. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}
