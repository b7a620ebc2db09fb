import { useState } from 'react';
import { api } from '../app/api';
import { useText } from '../app/locale';
import { useAction } from '../ui/action';
import { ActionResult, Field } from '../ui/form';
import { fetchOwnSignUpTo, type Announcement } from '../projects/project-api';
import { useLoad } from '../ui/use-load';
import { AGENCY_TEXT } from './agency-messages';

/** What an agency can do on a project: sign up in the window, answer a win, object during publicity. */
export function AgencyPanel({ announcement: a, agencyId, onChange }: { announcement: Announcement; agencyId: string; onChange: () => void }) {
  const t = useText(AGENCY_TEXT);
  const action = useAction();
  const [reason, setReason] = useState('');
  const [grounds, setGrounds] = useState('');
  const isWinner = a.selection?.winners.some((w) => w.agencyId === agencyId) ?? false;
  const inWindow = a.status === 'PUBLISHED' && a.signUp.mode === 'WINDOW';
  const own = useLoad((signal) => (inWindow ? fetchOwnSignUpTo(a.id, signal) : Promise.resolve(null)), [a.id, inWindow]);
  // Signed up to this round and not withdrawn: the one button is withdrawal; otherwise sign-up.
  const signedUp = own.data !== null && own.data.signUp.round === a.round && own.data.signUp.withdrawnAt === null;
  const call = (path: string, method: 'POST' | 'DELETE', done: string, body?: unknown) =>
    void action.run(() => api(`/api/projects/projects/${a.id}/${path}`, { method, body }), done).then((r) => {
      if (r === undefined) return;
      own.reload();
      onChange();
    });

  return (
    <section className="card" aria-labelledby="agency-panel">
      <h3 id="agency-panel">{t.firm}</h3>
      {inWindow && !own.loading && (
        <div className="buttons" data-signed-up={signedUp}>
          {signedUp ? (
            <>
              <span className="tag ok">{t.signedUp}</span>
              <button type="button" onClick={() => call('sign-ups', 'DELETE', t.signUpWithdrawn)} disabled={action.busy}>
                {t.withdrawSignUp}
              </button>
            </>
          ) : (
            <button type="button" className="primary" onClick={() => call('sign-ups', 'POST', t.signUpDone)} disabled={action.busy}>
              {t.signUp}
            </button>
          )}
        </div>
      )}
      {a.status === 'AWARDED' && isWinner && (
        <div className="award">
          <h4>{t.award}</h4>
          <p>{t.youWon}</p>
          <button type="button" className="primary" onClick={() => call('award/accept', 'POST', t.accepted)} disabled={action.busy}>
            {t.accept}
          </button>
          <Field label={t.declineReason} name="reason" action={action}>
            <input name="declineReason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <button type="button" onClick={() => call('award/decline', 'POST', t.declined, { reason })} disabled={action.busy}>
            {t.decline}
          </button>
        </div>
      )}
      {a.status === 'PUBLICITY' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            call('objections', 'POST', t.objectionFiled, { grounds });
          }}
        >
          <h4>{t.objection}</h4>
          <Field label={t.objectionGrounds} name="grounds" action={action}>
            <textarea name="grounds" rows={3} value={grounds} onChange={(e) => setGrounds(e.target.value)} />
          </Field>
          <button type="submit" disabled={action.busy}>
            {t.fileObjection}
          </button>
        </form>
      )}
      <ActionResult action={action} labels={{ reason: t.declineReason, grounds: t.objectionGrounds }} />
    </section>
  );
}
