import { CREDIT_START_SCORE } from '@mkt/draw/core';
import { useLocale, useText, punctuation } from '../app/locale';
import type { CreditRule, DrawView } from './project-api';
import { PROJECT_TEXT } from './project-messages';

/** A credit-weighted draw's announced rule, as terms of a `<dl className="facts">`: the threshold, the function and what it does. */
export function CreditRuleFacts({ rule }: { rule: CreditRule }) {
  const t = useText(PROJECT_TEXT);
  const explain = t.weightFunctionsExplained[rule.weightFunction];
  return (
    <>
      <dt>{t.creditThreshold}</dt>
      <dd data-credit-threshold={rule.minimumCreditScore}>{t.creditThresholdValue(rule.minimumCreditScore)}</dd>
      <dt>{t.weightFunction}</dt>
      <dd data-weight-function={rule.weightFunction}>
        <span className="mono">{rule.weightFunction}</span>
        {explain && <> · {explain(CREDIT_START_SCORE)}</>}
      </dd>
    </>
  );
}

/**
 * Each pool member's published weight with its chance at the first pick and, once revealed, where it came; then the
 * firms the threshold left out. The weights are the commitment's: they are public from then on and bound into the
 * seed, so the reveal only adds the outcome column.
 */
export function DrawWeights({ draw, names }: { draw: DrawView; names: Map<string, string> }) {
  const t = useText(PROJECT_TEXT);
  const locale = useLocale();
  const punct = punctuation(locale);
  const weights = draw.commitment.weights;
  if (!weights || weights.length === 0) return null;
  const total = weights.reduce((sum, w) => sum + w.weight, 0);
  const below = (draw.commitment.exclusions ?? []).filter((x) => x.reason === 'CREDIT_BELOW_THRESHOLD');
  const nameOf = (id: string) => names.get(id) ?? id;
  const outcomeOf = (id: string): { key: string; text: string } => {
    if (!draw.record) return { key: 'pending', text: t.weightOutcomes.pending };
    if (draw.record.winners.includes(id)) return { key: 'winner', text: t.weightOutcomes.winner };
    const alternate = draw.record.alternates.indexOf(id);
    return alternate >= 0 ? { key: 'alternate', text: t.weightOutcomes.alternate(alternate + 1) } : { key: 'none', text: t.weightOutcomes.none };
  };
  return (
    <div className="draw-weights" data-testid="draw-weights">
      <h4>{t.weightsHeading}</h4>
      <p className="hint">{t.weightsHint}</p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{t.weightColumns.agency}</th>
              <th>{t.weightColumns.weight}</th>
              <th>{t.weightColumns.share}</th>
              <th>{t.weightColumns.outcome}</th>
            </tr>
          </thead>
          <tbody>
            {weights.map((w) => {
              const outcome = outcomeOf(w.id);
              return (
                <tr key={w.id} data-agency={w.id} data-weight={w.weight} data-outcome={outcome.key}>
                  <td data-label={t.weightColumns.agency}>{nameOf(w.id)}</td>
                  <td data-label={t.weightColumns.weight}>{w.weight}</td>
                  <td data-label={t.weightColumns.share}>{(w.weight / total).toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 })}</td>
                  <td data-label={t.weightColumns.outcome}>{outcome.key === 'winner' ? <strong>{outcome.text}</strong> : outcome.text}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {below.length > 0 && (
        <p className="hint" data-testid="below-threshold">
          {t.belowThreshold}{punct.colon}{below.map((x) => nameOf(x.agencyId)).join(punct.list)}
        </p>
      )}
    </div>
  );
}
