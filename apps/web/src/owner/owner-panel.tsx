import { useState } from 'react';
import { api } from '../app/api';
import { formatTime, formatYuan, useLocale, useText, punctuation } from '../app/locale';
import { useAction } from '../ui/action';
import { ActionResult, CheckboxField, Field } from '../ui/form';
import type { ProjectDetail } from '../projects/project-api';
import { ProjectExports } from '../supervisor/exports';
import { OWNER_TEXT } from './owner-messages';
import { REVISION_TEXT } from '../projects/revision-messages';
import { AmendForm, DirectSelectionForm } from './revision-forms';

/** The owner's next steps on its project: publish, request selection, then contract, completion and evaluation. */
export function OwnerPanel({ project: p, names, onChange }: { project: ProjectDetail; names: Map<string, string>; onChange: () => void }) {
  const t = useText(OWNER_TEXT);
  const r = useText(REVISION_TEXT);
  const locale = useLocale();
  const punct = punctuation(locale);
  const action = useAction();
  const nameOf = (id: string) => names.get(id) ?? id;
  const step = (path: string, done: string, body?: unknown) =>
    void action.run(() => api(`/api/projects/projects/${p.id}/${path}`, { method: 'POST', body }), done).then((r) => r !== undefined && onChange());

  return (
    <section className="card" aria-labelledby="owner-panel">
      <h3 id="owner-panel">{t.panel}</h3>
      {p.status === 'DRAFT' && (
        <div className="buttons">
          <p>{t.draftHint}</p>
          <button type="button" className="primary" onClick={() => step('publish', t.published)} disabled={action.busy}>
            {t.publish}
          </button>
        </div>
      )}
      {p.status === 'PUBLISHED' && p.terms.signUp.mode === 'ALL_ELIGIBLE' && (
        <div className="buttons">
          <p>{t.requestHint}</p>
          <button type="button" className="primary" onClick={() => step('request-selection', p.terms.selection.method === 'DIRECT_SELECTION' ? r.requestedDirect : t.requested)} disabled={action.busy}>
            {t.requestSelection}
          </button>
        </div>
      )}
      {p.status === 'PUBLISHED' && p.terms.signUp.mode === 'WINDOW' && <p>{t.windowHint(formatTime(p.terms.signUp.closesAt, locale))}</p>}
      <ActionResult action={action} />

      {p.terms.signUp.mode === 'WINDOW' && (
        <>
          <h4>{t.signUps(p.signUps.length)}</h4>
          <ul className="plain" data-testid="sign-ups">
            {p.signUps.map((s) => (
              <li key={s.agencyId}>
                {nameOf(s.agencyId)} · {formatTime(s.at, locale)}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.terms.conflicts.length > 0 && (
        <>
          <h4>{t.conflicts}</h4>
          <ul className="plain">
            {p.terms.conflicts.map((c) => (
              <li key={c.agencyId}>
                {nameOf(c.agencyId)}{punct.colon}{c.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.seats.length > 0 && (
        <>
          <h4>{t.seats}</h4>
          <ul className="plain" data-testid="seats">
            {p.seats.map((s) => (
              <li key={s.agencyId} data-agency={s.agencyId} data-accepted={s.acceptedAt ? 'true' : 'false'}>
                {nameOf(s.agencyId)} · {s.acceptedAt ? t.accepted : t.awaiting(formatTime(s.respondBy, locale))}
                {s.contract && ` · ${t.contracted(formatYuan(s.contract.amountFen, locale), s.contract.dueDate)}`}
                {s.completion && ` · ${t.completedOn(s.completion.completionDate, s.completion.onTime)}`}
                {s.evaluation && ` · ${t.evaluatedAs(s.evaluation.quality)}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.status === 'PUBLISHED' && <AmendForm project={p} onChange={onChange} />}
      {p.status === 'SELECTING' && p.terms.selection.method === 'DIRECT_SELECTION' && <DirectSelectionForm project={p} names={names} onChange={onChange} />}
      {p.status === 'FAILED' && <RepostForm project={p} onChange={onChange} />}
      {['DRAFT', 'PUBLISHED', 'FAILED'].includes(p.status) && <CancelForm project={p} onChange={onChange} />}
      {p.status !== 'DRAFT' && <ProjectExports projectId={p.id} />}
      {p.status === 'AWARDED' && <ContractForm project={p} names={names} onChange={onChange} />}
      {p.status === 'CONTRACTED' && <CompletionForm project={p} names={names} onChange={onChange} />}
      {p.status === 'COMPLETED' && <EvaluationForm project={p} names={names} onChange={onChange} />}
    </section>
  );
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function SeatSelect({ project, names, value, onChange }: { project: ProjectDetail; names: Map<string, string>; value: string; onChange: (v: string) => void }) {
  return (
    <select name="agencyId" value={value} onChange={(e) => onChange(e.target.value)}>
      {project.seats.map((s) => (
        <option key={s.agencyId} value={s.agencyId}>
          {names.get(s.agencyId) ?? s.agencyId}
        </option>
      ))}
    </select>
  );
}

function ContractForm({ project, names, onChange }: { project: ProjectDetail; names: Map<string, string>; onChange: () => void }) {
  const t = useText(OWNER_TEXT);
  const action = useAction();
  const [agencyId, setAgencyId] = useState(project.seats[0]?.agencyId ?? '');
  const [amount, setAmount] = useState(String(((project.seats[0]?.quote?.form === 'AMOUNT' ? project.seats[0].quote.amountFen : project.terms.budgetCapFen) / 100).toFixed(2)));
  const [startDate, setStartDate] = useState(today());
  const labels = { agencyId: t.agency, amountFen: t.amount, startDate: t.startDate };
  return (
    <form
      className="subform"
      onSubmit={(e) => {
        e.preventDefault();
        void action
          .run(() => api(`/api/projects/projects/${project.id}/contract`, { method: 'POST', body: { agencyId, amountFen: Math.round(Number(amount) * 100), startDate } }), t.contractRecorded)
          .then((r) => r !== undefined && onChange());
      }}
    >
      <h4>{t.recordContract}</h4>
      <Field label={t.agency} name="agencyId" action={action}>
        <SeatSelect project={project} names={names} value={agencyId} onChange={setAgencyId} />
      </Field>
      <Field label={t.amount} name="amountFen" action={action}>
        <input name="amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
      </Field>
      <Field label={t.startDate} name="startDate" action={action}>
        <input name="startDate" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
      </Field>
      <ActionResult action={action} labels={labels} />
      <button type="submit" className="primary" disabled={action.busy}>
        {t.recordContract}
      </button>
    </form>
  );
}

function CompletionForm({ project, names, onChange }: { project: ProjectDetail; names: Map<string, string>; onChange: () => void }) {
  const t = useText(OWNER_TEXT);
  const action = useAction();
  const [agencyId, setAgencyId] = useState(project.seats[0]?.agencyId ?? '');
  const [completionDate, setCompletionDate] = useState(today());
  return (
    <form
      className="subform"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => api(`/api/projects/projects/${project.id}/completion`, { method: 'POST', body: { agencyId, completionDate } }), t.completionRecorded).then((r) => r !== undefined && onChange());
      }}
    >
      <h4>{t.recordCompletion}</h4>
      <Field label={t.agency} name="agencyId" action={action}>
        <SeatSelect project={project} names={names} value={agencyId} onChange={setAgencyId} />
      </Field>
      <Field label={t.completionDate} name="completionDate" action={action}>
        <input name="completionDate" type="date" value={completionDate} onChange={(e) => setCompletionDate(e.target.value)} />
      </Field>
      <ActionResult action={action} labels={{ agencyId: t.agency, completionDate: t.completionDate }} />
      <button type="submit" className="primary" disabled={action.busy}>
        {t.recordCompletion}
      </button>
    </form>
  );
}

function EvaluationForm({ project, names, onChange }: { project: ProjectDetail; names: Map<string, string>; onChange: () => void }) {
  const t = useText(OWNER_TEXT);
  const action = useAction();
  const [agencyId, setAgencyId] = useState(project.seats[0]?.agencyId ?? '');
  const [quality, setQuality] = useState('5');
  const [feeCompliant, setFeeCompliant] = useState(true);
  const [comment, setComment] = useState('');
  return (
    <form
      className="subform"
      onSubmit={(e) => {
        e.preventDefault();
        void action
          .run(() => api(`/api/projects/projects/${project.id}/evaluation`, { method: 'POST', body: { agencyId, quality: Number(quality), feeCompliant, comment } }), t.evaluationRecorded)
          .then((r) => r !== undefined && onChange());
      }}
    >
      <h4>{t.evaluate}</h4>
      <Field label={t.agency} name="agencyId" action={action}>
        <SeatSelect project={project} names={names} value={agencyId} onChange={setAgencyId} />
      </Field>
      <Field label={t.quality} name="quality" action={action}>
        <select name="quality" value={quality} onChange={(e) => setQuality(e.target.value)}>
          {[5, 4, 3, 2, 1].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </Field>
      <CheckboxField label={t.feeCompliant} name="feeCompliant" checked={feeCompliant} onChange={setFeeCompliant} />
      <Field label={t.comment} name="comment" action={action}>
        <textarea name="comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Field>
      <ActionResult action={action} labels={{ agencyId: t.agency, quality: t.quality, comment: t.comment }} />
      <button type="submit" className="primary" disabled={action.busy}>
        {t.evaluate}
      </button>
    </form>
  );
}

/** After a failed round (流标): the next round, optionally by random draw instead, or without a sign-up window. */
function RepostForm({ project, onChange }: { project: ProjectDetail; onChange: () => void }) {
  const t = useText(OWNER_TEXT);
  const action = useAction();
  const [reason, setReason] = useState('');
  const [toDraw, setToDraw] = useState(false);
  const [allEligible, setAllEligible] = useState(project.terms.signUp.mode === 'WINDOW');
  const changes = {
    ...(toDraw ? { selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 1, minimumCandidates: 3 } } : {}),
    ...(allEligible ? { signUp: { mode: 'ALL_ELIGIBLE' } } : {}),
  };
  return (
    <form
      className="subform"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => api(`/api/projects/projects/${project.id}/repost`, { method: 'POST', body: { reason, changes } }), t.reposted).then((r) => r !== undefined && onChange());
      }}
    >
      <h4>{t.repost}</h4>
      <Field label={t.repostReason} name="reason" action={action}>
        <input name="repostReason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      {project.terms.selection.method !== 'RANDOM_DRAW' && (
        <CheckboxField label={t.switchToDraw} checked={toDraw} onChange={setToDraw} />
      )}
      <CheckboxField label={t.openToAll} checked={allEligible} onChange={setAllEligible} />
      <ActionResult action={action} labels={{ reason: t.repostReason, 'signUp.closesAt': t.openToAll, selection: t.switchToDraw }} />
      <button type="submit" className="primary" disabled={action.busy}>
        {t.repost}
      </button>
    </form>
  );
}

function CancelForm({ project, onChange }: { project: ProjectDetail; onChange: () => void }) {
  const t = useText(OWNER_TEXT);
  const action = useAction();
  const [reason, setReason] = useState('');
  return (
    <form
      className="subform"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => api(`/api/projects/projects/${project.id}/cancel`, { method: 'POST', body: { reason } }), t.cancelled).then((r) => r !== undefined && onChange());
      }}
    >
      <h4>{t.cancel}</h4>
      <Field label={t.cancelReason} name="reason" action={action}>
        <input name="cancelReason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <ActionResult action={action} labels={{ reason: t.cancelReason }} />
      <button type="submit" disabled={action.busy}>
        {t.cancel}
      </button>
    </form>
  );
}
