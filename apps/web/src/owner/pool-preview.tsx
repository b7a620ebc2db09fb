import { useState } from 'react';
import { api } from '../app/api';
import { useText } from '../app/locale';
import { useAction } from '../ui/action';
import { ActionResult } from '../ui/form';
import { OWNER_TEXT } from './owner-messages';

interface Partition {
  readonly pool: readonly string[];
  readonly excluded: readonly { readonly agencyId: string; readonly reason: string }[];
}

/** Who would enter a draw for this item today, by the draw service's own rule: whether the minimum can be reached before posting. */
export function PoolPreview({ serviceItemCode, requiredLevel, minimum, names }: { serviceItemCode: string; requiredLevel: string; minimum: number; names: Map<string, string> }) {
  const t = useText(OWNER_TEXT);
  const action = useAction();
  const [partition, setPartition] = useState<Partition | null>(null);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const preview = async () => {
    const query = new URLSearchParams({ serviceItemCode, requiredLevel, on: today });
    const result = await action.run(() => api<Partition>(`/api/draw/pool-preview?${query}`));
    if (result) setPartition(result);
  };
  return (
    <div className="pool-preview" data-testid="pool-preview">
      <button type="button" onClick={() => void preview()} disabled={action.busy || !serviceItemCode}>
        {t.previewPool}
      </button>
      <ActionResult action={action} labels={{ serviceItemCode: t.item, requiredLevel: t.level }} />
      {partition && (
        <>
          <p className={`notice ${partition.pool.length >= minimum ? 'ok' : 'bad'}`} role="status">
            {t.poolSize(partition.pool.length, minimum)}
          </p>
          <ul className="plain">
            {partition.pool.map((id) => (
              <li key={id}>{names.get(id) ?? id}</li>
            ))}
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
