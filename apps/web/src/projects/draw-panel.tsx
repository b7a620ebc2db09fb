import { useState } from 'react';
import { api } from '../app/api';
import { formatTime, useLocale, useText, punctuation } from '../app/locale';
import { Link } from '../app/router';
import { useSession } from '../auth/session';
import { useAction } from '../ui/action';
import { ActionResult, Field } from '../ui/form';
import { observerSlotOf, type DrawView } from './project-api';
import { PROJECT_TEXT } from './project-messages';

/**
 * A draw as the public sees it — commitment, witnesses (observers by their labels) and the values they entered,
 * then the result — and, for a witness who has not entered one yet, the value form: a named observer fills their
 * own slot, else the project's owner or a supervisor theirs. The last value reveals the draw on the server in the
 * same transaction.
 */
export function DrawPanel({ draw, names, ownerId, onChange }: { draw: DrawView; names: Map<string, string>; ownerId: string | null; onChange: () => void }) {
  const t = useText(PROJECT_TEXT);
  const locale = useLocale();
  const punct = punctuation(locale);
  const session = useSession();
  const [value, setValue] = useState('');
  const action = useAction();
  const witnesses = draw.commitment.entropyPlan.witnesses ?? [];
  const observers = draw.commitment.entropyPlan.observers ?? [];
  const role = session?.account.role;
  // The server's rule: a named observer holds only their own slot, whatever their role.
  const mySlot = session && witnesses.includes(observerSlotOf(session.account.id))
    ? observerSlotOf(session.account.id)
    : role === 'SUPERVISOR' ? 'SUPERVISOR' : role === 'OWNER' && ownerId !== null && session?.account.organizationId === ownerId ? 'OWNER' : null;
  const canWitness = draw.status === 'COMMITTED' && mySlot !== null && witnesses.includes(mySlot) && !draw.witnessValues.some((v) => v.witness === mySlot);
  const slotName = (slot: string) => {
    const observer = observers.find((o) => observerSlotOf(o.userId) === slot);
    return (observer ? t.observer(observer.label) : (t.witnessRoles[slot] ?? slot)) + (slot === mySlot && observer ? t.you : '');
  };
  const nameOf = (id: string) => names.get(id) ?? id;

  return (
    <section className="card draw" data-draw={draw.drawId} data-status={draw.status}>
      <h3>
        {t.draws} · {draw.round} · {draw.status === 'REVEALED' ? t.drawRevealed : t.drawCommitted}
      </h3>
      <dl className="facts">
        <dt>{t.commitment}</dt>
        <dd className="mono">{draw.commitment.commitment}</dd>
        <dt>{t.witnesses}</dt>
        <dd>
          <ul className="plain">
            {witnesses.map((w) => {
              const entered = draw.witnessValues.find((v) => v.witness === w);
              return (
                <li key={w} data-witness={w}>
                  {slotName(w)}{punct.colon}{entered ? <q>{entered.value}</q> : '—'}
                </li>
              );
            })}
          </ul>
        </dd>
        {draw.revealDeadline && draw.status === 'COMMITTED' && (
          <>
            <dt>{t.revealBy}</dt>
            <dd>{formatTime(draw.revealDeadline, locale)}</dd>
          </>
        )}
      </dl>
      {draw.record && (
        <>
          <p>
            <strong>{t.winners}{punct.colon}</strong>
            {draw.record.winners.map(nameOf).join(punct.list)}
            {draw.record.alternates.length > 0 && (
              <>
                {' '}
                · {t.alternates}{punct.colon}{draw.record.alternates.map(nameOf).join(punct.list)}
              </>
            )}
          </p>
          <Link to={`/verify?draw=${draw.drawId}`}>{t.verifyDraw}</Link>
        </>
      )}
      {canWitness && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void action.run(() => api(`/api/draw/draws/${draw.drawId}/witness-values`, { method: 'POST', body: { value } }), t.witnessEntered).then((r) => r !== undefined && onChange());
          }}
        >
          <Field label={t.witnessValue} name="value" action={action}>
            <input name="witnessValue" value={value} onChange={(e) => setValue(e.target.value)} maxLength={200} required />
          </Field>
          <ActionResult action={action} labels={{ value: t.witnessValue }} />
          <button type="submit" className="primary" disabled={action.busy}>
            {t.enterWitness}
          </button>
        </form>
      )}
    </section>
  );
}
