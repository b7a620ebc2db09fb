import { useState } from 'react';
import { api } from '../app/api';
import { useText } from '../app/locale';
import { PROJECT_TEXT } from '../projects/project-messages';
import { useAction } from '../ui/action';
import { ActionResult } from '../ui/form';
import { OWNER_TEXT } from './owner-messages';

interface Partition {
  readonly pool: readonly string[];
  readonly excluded: readonly { readonly agencyId: string; readonly reason: string }[];
  /** A credit-weighted draw's preview: today's weight of each firm left in the pool. */
  readonly weights?: readonly { readonly id: string; readonly weight: number }[];
}

/** A credit-weighted draw's rule as typed in the form. */
export interface TypedCreditRule {
  readonly minimumCreditScore: string;
  readonly weightFunction: string;
}

/**
 * Who would enter a draw for this item today, by the draw service's own rule: whether the minimum can be reached before
 * posting. For a credit-weighted draw the service also applies the threshold and shows each firm's weight.
 */
export function PoolPreview({ serviceItemCode, requiredLevel, minimum, credit, names }: { serviceItemCode: string; requiredLevel: string; minimum: number; credit: TypedCreditRule | null; names: Map<string, string> }) {
  const t = useText(OWNER_TEXT);
  const p = useText(PROJECT_TEXT);
  const action = useAction();
  const [partition, setPartition] = useState<Partition | null>(null);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const preview = async () => {
    const query = new URLSearchParams({ serviceItemCode, requiredLevel, on: today });
    if (credit) {
      // An empty threshold stays out (the service would read it as 0), so the service names the missing field.
      if (credit.minimumCreditScore.trim() !== '') query.set('minimumCreditScore', credit.minimumCreditScore.trim());
      query.set('weightFunction', credit.weightFunction);
    }
    const result = await action.run(() => api<Partition>(`/api/draw/pool-preview?${query}`));
    if (result) setPartition(result);
  };
  return (
    <div className="pool-preview" data-testid="pool-preview">
      <button type="button" onClick={() => void preview()} disabled={action.busy || !serviceItemCode}>
        {t.previewPool}
      </button>
      <ActionResult action={action} labels={{ serviceItemCode: t.item, requiredLevel: t.level, minimumCreditScore: t.creditThreshold, weightFunction: p.weightFunction }} />
      {partition && (
        <>
          <p className={`notice ${partition.pool.length >= minimum ? 'ok' : 'bad'}`} role="status">
            {t.poolSize(partition.pool.length, minimum)}
          </p>
          <ul className="plain">
            {partition.pool.map((id) => {
              const weight = partition.weights?.find((w) => w.id === id)?.weight;
              return (
                <li key={id} data-agency={id} data-weight={weight}>
                  {names.get(id) ?? id}
                  {weight !== undefined && ` · ${p.weightColumns.weight} ${weight}`}
                </li>
              );
            })}
            {partition.excluded.map((x) => (
              <li key={x.agencyId} className="hint">
                {names.get(x.agencyId) ?? x.agencyId} · {t.exclusionReasons[x.reason] ?? x.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
