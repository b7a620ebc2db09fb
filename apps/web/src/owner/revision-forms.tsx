import { useState } from 'react';
import { api } from '../app/api';
import { useText } from '../app/locale';
import { useAction } from '../ui/action';
import { ActionResult, Field } from '../ui/form';
import type { ProjectDetail } from '../projects/project-api';
import { REVISION_TEXT } from '../projects/revision-messages';
import { instant, localInput } from './project-terms';

const HOUR = 3_600_000;

/**
 * A recorded amendment of a published project: its public reason and only the terms that differ from the
 * announcement. A windowed project's close is offered a day past the earliest the rules allow (72 hours from now,
 * or the current close if later), because an amendment must move it later.
 */
export function AmendForm({ project: p, onChange }: { project: ProjectDetail; onChange: () => void }) {
  const t = useText(REVISION_TEXT);
  const action = useAction();
  const terms = p.terms;
  const windowed = terms.signUp.mode === 'WINDOW' ? terms.signUp : null;
  const bidDeadline = terms.selection.method === 'BIDDING' && typeof terms.selection['bidDeadline'] === 'string' ? (terms.selection['bidDeadline'] as string) : null;
  const minimumHours = p.policy?.minimumSignUpHours ?? 72;
  const [f, setF] = useState(() => {
    const close = windowed ? Math.max(Date.parse(windowed.closesAt), Date.now() + minimumHours * HOUR) + 24 * HOUR : 0;
    return {
      reason: '',
      description: terms.description,
      budgetYuan: String(terms.budgetCapFen / 100),
      servicePeriodDays: String(terms.servicePeriodDays),
      requiredLevel: String(terms.requiredLevel),
      closesAt: windowed ? localInput(new Date(close)) : '',
      // A later close may need a later bid deadline (bids follow sign-up): offered the same day after.
      bidDeadline: bidDeadline ? localInput(new Date(Math.max(Date.parse(bidDeadline), close + 24 * HOUR))) : '',
    };
  });
  const set = (key: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [key]: e.target.value });

  function changes(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (f.description !== terms.description) out['description'] = f.description;
    const budgetCapFen = Math.round(Number(f.budgetYuan) * 100);
    if (budgetCapFen !== terms.budgetCapFen) out['budgetCapFen'] = f.budgetYuan.trim() === '' ? null : budgetCapFen;
    if (Number(f.servicePeriodDays) !== terms.servicePeriodDays) out['servicePeriodDays'] = Number(f.servicePeriodDays);
    if (Number(f.requiredLevel) !== terms.requiredLevel) out['requiredLevel'] = Number(f.requiredLevel);
    if (windowed && instant(f.closesAt) !== windowed.closesAt) out['signUp'] = { mode: 'WINDOW', opensAt: windowed.opensAt, closesAt: instant(f.closesAt) };
    if (bidDeadline && instant(f.bidDeadline) !== bidDeadline) out['selection'] = { ...terms.selection, bidDeadline: instant(f.bidDeadline) };
    return out;
  }

  const labels = {
    reason: t.amendReason, changes: t.changed, description: t.newDescription, budgetCapFen: t.newBudget, servicePeriodDays: t.newPeriod, requiredLevel: t.newLevel,
    'signUp.closesAt': t.newClose, 'signUp.opensAt': t.newClose, 'selection.bidDeadline': t.newBidDeadline,
  };
  return (
    <form
      className="subform"
      data-testid="amend-form"
      onSubmit={(e) => {
        e.preventDefault();
        void action
          .run(() => api<{ id: string }>(`/api/projects/projects/${p.id}/amendments`, { method: 'POST', body: { reason: f.reason, changes: changes() } }), t.amended(amendmentCount(p) + 1))
          .then((r) => r !== undefined && onChange());
      }}
    >
      <h4>{t.amendHeading}</h4>
      <p className="hint">{t.amendHint}</p>
      <Field label={t.amendReason} name="reason" action={action}>
        <textarea name="amendReason" rows={2} value={f.reason} onChange={set('reason')} />
      </Field>
      <Field label={t.newDescription} name="description" action={action}>
        <textarea name="newDescription" rows={3} value={f.description} onChange={set('description')} />
      </Field>
      <div className="grid">
        <Field label={t.newBudget} name="budgetCapFen" action={action}>
          <input name="newBudget" inputMode="decimal" value={f.budgetYuan} onChange={set('budgetYuan')} />
        </Field>
        <Field label={t.newPeriod} name="servicePeriodDays" action={action}>
          <input name="newPeriod" type="number" min={1} value={f.servicePeriodDays} onChange={set('servicePeriodDays')} />
        </Field>
        <Field label={t.newLevel} name="requiredLevel" action={action}>
          <input name="newLevel" type="number" min={1} max={9} value={f.requiredLevel} onChange={set('requiredLevel')} />
        </Field>
        {windowed && (
          <Field label={t.newClose} name="signUp.closesAt" action={action}>
            <input name="newClose" type="datetime-local" value={f.closesAt} onChange={set('closesAt')} />
          </Field>
        )}
        {bidDeadline && (
          <Field label={t.newBidDeadline} name="selection.bidDeadline" action={action}>
            <input name="newBidDeadline" type="datetime-local" value={f.bidDeadline} onChange={set('bidDeadline')} />
          </Field>
        )}
      </div>
      <ActionResult action={action} labels={labels} />
      <button type="submit" className="primary" disabled={action.busy}>
        {t.amend}
      </button>
    </form>
  );
}

function amendmentCount(p: ProjectDetail): number {
  return (p.history ?? []).filter((h) => h.kind === 'amended').length;
}

interface Partition {
  readonly pool: readonly string[];
}

/**
 * Direct selection (直接选取) while the project is selecting: the owner picks one agency among those the round
 * allows — the signed-up ones, or with no sign-up those qualified today by the draw service's own rule — never one
 * on the conflict list or excluded by a ruling. The written justification fixed at posting is shown beside it.
 */
export function DirectSelectionForm({ project: p, names, onChange }: { project: ProjectDetail; names: Map<string, string>; onChange: () => void }) {
  const t = useText(REVISION_TEXT);
  const action = useAction();
  const lookup = useAction();
  const excluded = new Set([...p.terms.conflicts.map((c) => c.agencyId), ...(p.exclusions ?? []).map((e) => e.agencyId)]);
  const signedUp = p.terms.signUp.mode === 'WINDOW' ? p.signUps.map((s) => s.agencyId).filter((id) => !excluded.has(id)) : null;
  const [eligible, setEligible] = useState<string[] | null>(null);
  const candidates = signedUp ?? eligible;
  const [agencyId, setAgencyId] = useState('');
  const chosen = agencyId || candidates?.[0] || '';

  async function listEligible(): Promise<void> {
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const query = new URLSearchParams({ serviceItemCode: p.terms.serviceItemCode, requiredLevel: String(p.terms.requiredLevel), on: today });
    const partition = await lookup.run(() => api<Partition>(`/api/draw/pool-preview?${query}`));
    if (partition) setEligible(partition.pool.filter((id) => !excluded.has(id)));
  }

  return (
    <form
      className="subform"
      data-testid="direct-selection-form"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => api(`/api/projects/projects/${p.id}/direct-selection`, { method: 'POST', body: { agencyId: chosen } }), t.selected).then((r) => r !== undefined && onChange());
      }}
    >
      <h4>{t.directHeading}</h4>
      <p className="hint">{t.directHint}</p>
      <p>
        <strong>{t.justificationOnRecord}</strong>
      </p>
      <blockquote>{String(p.terms.selection['justification'] ?? '')}</blockquote>
      {signedUp === null && eligible === null && (
        <div className="buttons">
          <button type="button" onClick={() => void listEligible()} disabled={lookup.busy}>
            {t.loadCandidates}
          </button>
          <ActionResult action={lookup} />
        </div>
      )}
      {candidates && (
        <>
          <p className="hint">{signedUp ? t.directCandidatesSignedUp : t.directCandidatesEligible}</p>
          <Field label={t.directAgency} name="agencyId" action={action}>
            <select name="agencyId" value={chosen} onChange={(e) => setAgencyId(e.target.value)}>
              {candidates.length === 0 && <option value="">{t.directNoCandidates}</option>}
              {candidates.map((id) => (
                <option key={id} value={id}>
                  {names.get(id) ?? id}
                </option>
              ))}
            </select>
          </Field>
          <ActionResult action={action} labels={{ agencyId: t.directAgency }} />
          <button type="submit" className="primary" disabled={action.busy}>
            {t.select}
          </button>
        </>
      )}
    </form>
  );
}
