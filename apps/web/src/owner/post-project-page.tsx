import { useState } from 'react';
import { CREDIT_START_SCORE, CREDIT_WEIGHT_FUNCTIONS } from '@mkt/draw/core';
import { api } from '../app/api';
import { useLocale, useText } from '../app/locale';
import { Link, useRouter } from '../app/router';
import { useAction } from '../ui/action';
import { ActionResult, Field } from '../ui/form';
import { useLoad } from '../ui/use-load';
import { fetchAgencyNames } from '../projects/project-api';
import { PROJECT_TEXT } from '../projects/project-messages';
import { OWNER_TEXT } from './owner-messages';
import { isDraw, localInput, termsOf, type ObserverRow, type ProjectForm } from './project-terms';
import { PoolPreview } from './pool-preview';

// The functions the draw applies are the ones projects accept (a spec in draw core holds the two lists together).
const WEIGHT_FUNCTIONS = Object.keys(CREDIT_WEIGHT_FUNCTIONS);

interface Catalog {
  readonly categories: readonly { readonly code: string; readonly name: { zhCN: string; en: string }; readonly items: readonly { readonly code: string; readonly name: { zhCN: string; en: string }; readonly minimumLevel: number }[] }[];
}

export function PostProjectPage() {
  const t = useText(OWNER_TEXT);
  const p = useText(PROJECT_TEXT);
  const locale = useLocale();
  const { navigate } = useRouter();
  const catalog = useLoad((signal) => api<Catalog>('/api/registry/catalog', { signal }), []);
  const agencies = useLoad(fetchAgencyNames, []);
  const now = new Date();
  const [f, setF] = useState<ProjectForm>({
    title: '', serviceItemCode: '', description: '', budgetYuan: '', requiredLevel: '2', region: '330100', servicePeriodDays: '30',
    method: 'RANDOM_DRAW', entropySource: 'witnesses', winners: '1', alternates: '1', minimumCandidates: '3', minimumCreditScore: '60', weightFunction: WEIGHT_FUNCTIONS[0] ?? '', minimumValidBids: '3',
    evaluationRule: 'LOWEST_PRICE', abnormallyLowFraction: '0.8', quoteForm: 'AMOUNT',
    bidDeadline: localInput(new Date(now.getTime() + 7 * 86_400_000)),
    signUpMode: 'ALL_ELIGIBLE', opensAt: localInput(now), closesAt: localInput(new Date(now.getTime() + 4 * 86_400_000)), justification: '',
  });
  const [conflicts, setConflicts] = useState<{ agencyId: string; reason: string }[]>([]);
  const [observers, setObservers] = useState<ObserverRow[]>([]);
  const setObserver = (i: number, key: keyof ObserverRow) => (e: { target: { value: string } }) => setObservers(observers.map((o, j) => (j === i ? { ...o, [key]: e.target.value } : o)));
  const action = useAction();
  const [savedDraft, setSavedDraft] = useState<string | null>(null);
  const set = (key: keyof ProjectForm) => (e: { target: { value: string } }) => setF({ ...f, [key]: e.target.value });
  const name = (n: { zhCN: string; en: string }) => (locale === 'en' ? n.en : n.zhCN);

  const labels: Record<string, string> = {
    title: t.title, serviceItemCode: t.item, description: t.description, budgetCapFen: t.budget, requiredLevel: t.level, region: t.region, servicePeriodDays: t.period,
    'selection.method': t.method, 'selection.winners': t.winners, 'selection.alternates': t.alternates, 'selection.minimumCandidates': t.minimumCandidates,
    'selection.minimumValidBids': t.minimumValidBids, 'selection.evaluation': t.evaluation, 'selection.evaluation.abnormallyLowFraction': t.fraction,
    'selection.quoteForm': t.quoteForm, 'selection.bidDeadline': t.bidDeadline, 'signUp.mode': t.signUpMode, 'signUp.opensAt': t.opensAt, 'signUp.closesAt': t.closesAt, conflicts: t.conflictList,
    'selection.observers': t.observers, 'selection.justification': t.justification, 'selection.entropySource': t.entropySource,
    'selection.minimumCreditScore': t.creditThreshold, 'selection.weightFunction': p.weightFunction,
    ...Object.fromEntries(observers.flatMap((_, i) => [[`selection.observers.${i}.userId`, `${t.observers} ${i + 1} · ${t.observerAccount}`], [`selection.observers.${i}.label`, `${t.observers} ${i + 1} · ${t.observerLabel}`]])),
  };

  async function save(publish: boolean): Promise<void> {
    const created = await action.run(() => api<{ id: string }>('/api/projects/projects', { method: 'POST', body: termsOf(f, conflicts, isDraw(f.method) ? observers : []) }));
    if (!created) return;
    if (publish && (await action.run(() => api(`/api/projects/projects/${created.id}/publish`, { method: 'POST' }))) === undefined) {
      // Saved but not published: the error stays on screen, and the draft is one click away.
      setSavedDraft(created.id);
      return;
    }
    navigate(`/projects/${created.id}`);
  }

  return (
    <section className="card">
      <h2>{t.postHeading}</h2>
      <p className="hint">{t.rulesNote}</p>
      <form
        className="post-project"
        onSubmit={(e) => {
          e.preventDefault();
          void save(true);
        }}
      >
        <Field label={t.title} name="title" action={action}>
          <input name="title" value={f.title} onChange={set('title')} />
        </Field>
        <Field label={t.item} name="serviceItemCode" action={action}>
          <select name="serviceItemCode" value={f.serviceItemCode} onChange={set('serviceItemCode')}>
            <option value="">—</option>
            {catalog.data?.categories.map((c) => (
              <optgroup key={c.code} label={name(c.name)}>
                {c.items.map((i) => (
                  <option key={i.code} value={i.code}>
                    {i.code} · {name(i.name)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <Field label={t.description} name="description" action={action}>
          <textarea name="description" rows={3} value={f.description} onChange={set('description')} />
        </Field>
        <div className="grid">
          <Field label={t.budget} name="budgetCapFen" action={action}>
            <input name="budget" inputMode="decimal" value={f.budgetYuan} onChange={set('budgetYuan')} />
          </Field>
          <Field label={t.level} name="requiredLevel" action={action}>
            <input name="requiredLevel" type="number" min={1} max={9} value={f.requiredLevel} onChange={set('requiredLevel')} />
          </Field>
          <Field label={t.region} name="region" action={action}>
            <input name="region" value={f.region} onChange={set('region')} />
          </Field>
          <Field label={t.period} name="servicePeriodDays" action={action}>
            <input name="servicePeriodDays" type="number" min={1} value={f.servicePeriodDays} onChange={set('servicePeriodDays')} />
          </Field>
        </div>

        <PoolPreview
          serviceItemCode={f.serviceItemCode}
          requiredLevel={f.requiredLevel}
          minimum={f.method === 'DIRECT_SELECTION' ? 1 : Number(isDraw(f.method) ? f.minimumCandidates : f.minimumValidBids)}
          credit={f.method === 'CREDIT_WEIGHTED_DRAW' ? { minimumCreditScore: f.minimumCreditScore, weightFunction: f.weightFunction } : null}
          names={agencies.data ?? new Map()}
        />

        <fieldset>
          <legend>{t.method}</legend>
          <div className="radios">
            {(['RANDOM_DRAW', 'CREDIT_WEIGHTED_DRAW', 'BIDDING', 'DIRECT_SELECTION'] as const).map((m) => (
              <label key={m}>
                <input type="radio" name="method" value={m} checked={f.method === m} onChange={() => setF({ ...f, method: m })} /> {t.methods[m]}
              </label>
            ))}
          </div>
          {f.method === 'DIRECT_SELECTION' ? (
            <>
              <p className="hint">{t.directHint}</p>
              <Field label={t.justification} name="selection.justification" action={action}>
                <textarea name="justification" rows={3} value={f.justification} onChange={set('justification')} />
              </Field>
            </>
          ) : (
            <div className="grid">
              <Field label={t.winners} name="selection.winners" action={action}>
                <input name="winners" type="number" min={1} value={f.winners} onChange={set('winners')} />
              </Field>
              {isDraw(f.method) ? (
                <>
                  <Field label={t.alternates} name="selection.alternates" action={action}>
                    <input name="alternates" type="number" min={0} value={f.alternates} onChange={set('alternates')} />
                  </Field>
                  <Field label={t.minimumCandidates} name="selection.minimumCandidates" action={action}>
                    <input name="minimumCandidates" type="number" min={1} value={f.minimumCandidates} onChange={set('minimumCandidates')} />
                  </Field>
                </>
              ) : (
                <>
                  <Field label={t.minimumValidBids} name="selection.minimumValidBids" action={action}>
                    <input name="minimumValidBids" type="number" min={1} value={f.minimumValidBids} onChange={set('minimumValidBids')} />
                  </Field>
                  <Field label={t.quoteForm} name="selection.quoteForm" action={action}>
                    <select name="quoteForm" value={f.quoteForm} onChange={set('quoteForm')}>
                      {Object.entries(t.quoteForms).map(([k, v]) => (
                        <option key={k} value={k}>
                          {v}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field label={t.evaluation} name="selection.evaluation" action={action}>
                    <select name="evaluationRule" value={f.evaluationRule} onChange={set('evaluationRule')}>
                      {Object.entries(t.evaluations).map(([k, v]) => (
                        <option key={k} value={k}>
                          {v}
                        </option>
                      ))}
                    </select>
                  </Field>
                  {f.evaluationRule === 'REASONABLE_LOW' && (
                    <Field label={t.fraction} name="selection.evaluation.abnormallyLowFraction" action={action}>
                      <input name="abnormallyLowFraction" inputMode="decimal" value={f.abnormallyLowFraction} onChange={set('abnormallyLowFraction')} />
                    </Field>
                  )}
                  <Field label={t.bidDeadline} name="selection.bidDeadline" action={action}>
                    <input name="bidDeadline" type="datetime-local" step={1} value={f.bidDeadline} onChange={set('bidDeadline')} />
                  </Field>
                </>
              )}
            </div>
          )}
        </fieldset>

        {f.method === 'CREDIT_WEIGHTED_DRAW' && (
          <fieldset className="credit-rule">
            <legend>{t.creditRule}</legend>
            <p className="hint">{t.creditHint}</p>
            <Field label={t.creditThreshold} name="selection.minimumCreditScore" action={action}>
              <input name="minimumCreditScore" inputMode="decimal" value={f.minimumCreditScore} onChange={set('minimumCreditScore')} />
            </Field>
            {/* A group of radios has a legend, not one label; its error sits under it like a field's. */}
            <fieldset className={`weight-functions${action.errorFor('selection.weightFunction') ? ' invalid' : ''}`} data-field="selection.weightFunction">
              <legend>{p.weightFunction}</legend>
              {WEIGHT_FUNCTIONS.map((id) => (
                <label key={id} className="choice" data-weight-function={id}>
                  <input type="radio" name="weightFunction" value={id} checked={f.weightFunction === id} onChange={() => setF({ ...f, weightFunction: id })} /> <span className="mono">{id}</span>
                  {p.weightFunctionsExplained[id] && <span className="field-hint"> · {p.weightFunctionsExplained[id](CREDIT_START_SCORE)}</span>}
                </label>
              ))}
              {action.errorFor('selection.weightFunction') && <p className="field-error">{action.errorFor('selection.weightFunction')?.message}</p>}
            </fieldset>
          </fieldset>
        )}

        {isDraw(f.method) && (
          <fieldset className="entropy-source">
            <legend>{t.entropySource}</legend>
            <div className="radios">
              {(['witnesses', 'drand'] as const).map((source) => (
                <label key={source}>
                  <input type="radio" name="entropySource" value={source} checked={f.entropySource === source} onChange={() => setF({ ...f, entropySource: source })} /> {t.entropySources[source]}
                </label>
              ))}
            </div>
            <p className="hint">{t.entropyHints[f.entropySource]}</p>
          </fieldset>
        )}

        {isDraw(f.method) && f.entropySource === 'witnesses' && (
          <fieldset className="observers">
            <legend>{t.observers}</legend>
            <p className="hint">{t.observersHint}</p>
            {observers.map((o, i) => (
              <div className="grid observer-row" key={i}>
                <Field label={t.observerAccount} name={`selection.observers.${i}.userId`} action={action}>
                  <input name={`observers.${i}.userId`} className="mono" value={o.userId} onChange={setObserver(i, 'userId')} spellCheck={false} />
                </Field>
                <Field label={t.observerLabel} name={`selection.observers.${i}.label`} action={action}>
                  <input name={`observers.${i}.label`} value={o.label} onChange={setObserver(i, 'label')} maxLength={60} />
                </Field>
                <button type="button" onClick={() => setObservers(observers.filter((_, j) => j !== i))}>
                  {t.remove}
                </button>
              </div>
            ))}
            {/* The limit is the API's too; the button only saves a round trip. */}
            <button type="button" disabled={observers.length >= 5} onClick={() => setObservers([...observers, { userId: '', label: '' }])}>
              {t.addObserver}
            </button>
          </fieldset>
        )}

        <fieldset>
          <legend>{t.signUpMode}</legend>
          <div className="radios">
            {(['ALL_ELIGIBLE', 'WINDOW'] as const).map((m) => (
              <label key={m}>
                <input type="radio" name="signUpMode" value={m} checked={f.signUpMode === m} onChange={() => setF({ ...f, signUpMode: m })} /> {t.signUpModes[m]}
              </label>
            ))}
          </div>
          {f.signUpMode === 'WINDOW' && (
            <div className="grid">
              <Field label={t.opensAt} name="signUp.opensAt" action={action}>
                <input name="opensAt" type="datetime-local" value={f.opensAt} onChange={set('opensAt')} />
              </Field>
              <Field label={t.closesAt} name="signUp.closesAt" action={action}>
                <input name="closesAt" type="datetime-local" value={f.closesAt} onChange={set('closesAt')} />
              </Field>
            </div>
          )}
        </fieldset>

        <fieldset>
          <legend>{t.conflictList}</legend>
          {conflicts.map((c, i) => (
            <div className="grid conflict-row" key={i}>
              <Field label={t.conflictAgency} name={`conflicts.${i}.agencyId`} action={action}>
                <select name={`conflicts.${i}.agencyId`} value={c.agencyId} onChange={(e) => setConflicts(conflicts.map((x, j) => (j === i ? { ...x, agencyId: e.target.value } : x)))}>
                  <option value="">—</option>
                  {[...(agencies.data ?? new Map()).entries()].map(([id, n]) => (
                    <option key={id} value={id}>
                      {n}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t.conflictReason} name={`conflicts.${i}.reason`} action={action}>
                <input name={`conflicts.${i}.reason`} value={c.reason} onChange={(e) => setConflicts(conflicts.map((x, j) => (j === i ? { ...x, reason: e.target.value } : x)))} />
              </Field>
              <button type="button" onClick={() => setConflicts(conflicts.filter((_, j) => j !== i))}>
                {t.remove}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => setConflicts([...conflicts, { agencyId: '', reason: '' }])}>
            {t.addConflict}
          </button>
        </fieldset>

        <ActionResult action={action} labels={labels} />
        {savedDraft && (
          <p>
            <Link to={`/projects/${savedDraft}`}>{t.openDraft}</Link>
          </p>
        )}
        <div className="buttons">
          <button type="button" onClick={() => void save(false)} disabled={action.busy}>
            {t.saveDraft}
          </button>
          <button type="submit" className="primary" disabled={action.busy}>
            {t.saveAndPublish}
          </button>
        </div>
      </form>
    </section>
  );
}
