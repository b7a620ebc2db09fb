import { useState } from 'react';
import { drandRoundTime, WEIGHTED_DRAW_V1 } from '@mkt/draw/core';
import { api } from '../app/api';
import { formatTime, useLocale, useText, punctuation } from '../app/locale';
import { Link } from '../app/router';
import { useSession } from '../auth/session';
import { useAction } from '../ui/action';
import { ActionResult, Field } from '../ui/form';
import { CreditRuleFacts, DrawWeights } from './draw-weights';
import { observerSlotOf, type CreditRule, type DrawView } from './project-api';
import { PROJECT_TEXT } from './project-messages';

/**
 * A draw as the public sees it — commitment, witnesses (observers by their labels) and the values they entered,
 * then the result — and, for a witness who has not entered one yet, the value form: a named observer fills their
 * own slot, else the project's owner or a supervisor theirs. The last value reveals the draw on the server in the
 * same transaction. A drand draw shows the round its commitment fixed instead, then the beacon.
 */
export function DrawPanel({ draw, names, ownerId, creditRule, onChange }: { draw: DrawView; names: Map<string, string>; ownerId: string | null; creditRule: CreditRule | null; onChange: () => void }) {
  if (draw.commitment.entropyPlan.source === 'drand') return <DrandDrawPanel draw={draw} names={names} creditRule={creditRule} onChange={onChange} />;
  return <WitnessDrawPanel draw={draw} names={names} ownerId={ownerId} creditRule={creditRule} onChange={onChange} />;
}

/**
 * How the draw picks: uniformly, or weighted by credit with the project's announced threshold and function (a bidding
 * tie-break says nothing here; its bidding round explains it).
 */
function DrawMethodFacts({ draw, creditRule }: { draw: DrawView; creditRule: CreditRule | null }) {
  const t = useText(PROJECT_TEXT);
  if (draw.tieBreak) return null;
  const weighted = draw.commitment['algorithm'] === WEIGHTED_DRAW_V1 || (draw.commitment.weights?.length ?? 0) > 0;
  return (
    <>
      <dt>{t.method}</dt>
      <dd data-draw-method={weighted ? 'CREDIT_WEIGHTED_DRAW' : 'RANDOM_DRAW'}>{t.methods[weighted ? 'CREDIT_WEIGHTED_DRAW' : 'RANDOM_DRAW']}</dd>
      {weighted && creditRule && <CreditRuleFacts rule={creditRule} />}
    </>
  );
}

function WitnessDrawPanel({ draw, names, ownerId, creditRule, onChange }: { draw: DrawView; names: Map<string, string>; ownerId: string | null; creditRule: CreditRule | null; onChange: () => void }) {
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

  return (
    <section className="card draw" data-draw={draw.drawId} data-status={draw.status}>
      <h3>
        {t.draws} · {draw.round} · {draw.status === 'REVEALED' ? t.drawRevealed : t.drawCommitted}
      </h3>
      <dl className="facts">
        <DrawMethodFacts draw={draw} creditRule={creditRule} />
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
      <DrawWeights draw={draw} names={names} />
      {draw.record && <DrawResult draw={draw} names={names} />}
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

/** The winners and ordered alternates by name, with the link to re-check the record in the browser. */
function DrawResult({ draw, names }: { draw: DrawView; names: Map<string, string> }) {
  const t = useText(PROJECT_TEXT);
  const punct = punctuation(useLocale());
  const nameOf = (id: string) => names.get(id) ?? id;
  if (!draw.record) return null;
  return (
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
  );
}

/**
 * A drand draw: the chain and the round its commitment fixed, with when that round comes out; once revealed, the
 * beacon (signature and randomness) the record carries. Until then an owner, supervisor or operator may carry the
 * round's signature in by hand (an offline site); the server checks it against the pinned key like a fetched one.
 */
function DrandDrawPanel({ draw, names, creditRule, onChange }: { draw: DrawView; names: Map<string, string>; creditRule: CreditRule | null; onChange: () => void }) {
  const t = useText(PROJECT_TEXT);
  const locale = useLocale();
  const session = useSession();
  const [signature, setSignature] = useState('');
  const action = useAction();
  const plan = draw.commitment.entropyPlan;
  const round = plan.round ?? 0;
  const beacon = draw.record?.entropy?.source === 'drand' ? draw.record.entropy : null;
  const role = session?.account.role;
  const canCarryIn = draw.status === 'COMMITTED' && (role === 'OWNER' || role === 'SUPERVISOR' || role === 'ADMIN');
  const roundOut = new Date(drandRoundTime(round)).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' });

  return (
    <section className="card draw" data-draw={draw.drawId} data-status={draw.status} data-entropy="drand">
      <h3>
        {t.draws} · {draw.round} · {draw.status === 'REVEALED' ? t.drawRevealed : t.drawAwaitingBeacon(round)}
      </h3>
      <dl className="facts">
        <DrawMethodFacts draw={draw} creditRule={creditRule} />
        <dt>{t.commitment}</dt>
        <dd className="mono">{draw.commitment.commitment}</dd>
        <dt>{t.entropySource}</dt>
        <dd>{t.entropySources['drand']}</dd>
        <dt>{t.drandChain}</dt>
        <dd className="mono">{plan.chainHash}</dd>
        <dt>{t.drandRound}</dt>
        <dd data-drand-round={round}>{round}</dd>
        <dt>{t.roundOut}</dt>
        <dd>{roundOut}</dd>
        {beacon && (
          <>
            <dt>{t.signature}</dt>
            <dd className="mono" data-beacon="signature">{beacon.signature}</dd>
            <dt>{t.randomness}</dt>
            <dd className="mono" data-beacon="randomness">{beacon.randomness}</dd>
          </>
        )}
        {draw.revealDeadline && draw.status === 'COMMITTED' && (
          <>
            <dt>{t.revealBy}</dt>
            <dd>{formatTime(draw.revealDeadline, locale)}</dd>
          </>
        )}
      </dl>
      {draw.status === 'COMMITTED' && <p className="hint">{t.beaconHint}</p>}
      <DrawWeights draw={draw} names={names} />
      {draw.record && <DrawResult draw={draw} names={names} />}
      {canCarryIn && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const body = { round, signature: signature.trim().toLowerCase() };
            void action.run(() => api(`/api/draw/draws/${draw.drawId}/beacon`, { method: 'POST', body }), t.beaconEntered).then((r) => r !== undefined && onChange());
          }}
        >
          <Field label={t.beaconSignature(round)} name="signature" action={action}>
            <input name="beaconSignature" className="mono" value={signature} onChange={(e) => setSignature(e.target.value)} spellCheck={false} required />
          </Field>
          <ActionResult action={action} labels={{ signature: t.beaconSignature(round), round: t.drandRound }} />
          <button type="submit" disabled={action.busy}>
            {t.enterBeacon}
          </button>
        </form>
      )}
    </section>
  );
}
