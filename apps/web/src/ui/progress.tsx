import { useLocale } from '../app/locale';
import { PROGRESS_TEXT } from './progress-messages';
import { formatBytes, type Transfer } from './transfer';

/**
 * A progress bar with its words: bytes moved against the total when it is known, else an indeterminate bar
 * (a `<progress>` without a value) with the bytes so far. Announced politely to screen readers.
 */
export function ProgressBar({ label, transfer, testId }: { label: string; transfer?: Transfer | null; testId?: string }) {
  const locale = useLocale();
  const t = PROGRESS_TEXT[locale];
  const known = transfer && transfer.total !== null && transfer.total > 0 ? { loaded: transfer.loaded, total: transfer.total } : null;
  const detail = known
    ? t.of(formatBytes(known.loaded, locale), formatBytes(known.total, locale), Math.floor((known.loaded / known.total) * 100))
    : transfer
      ? t.soFar(formatBytes(transfer.loaded, locale))
      : null;
  return (
    <div className="progress" role="status" aria-live="polite" data-testid={testId} data-loaded={transfer?.loaded} data-total={known?.total}>
      <span className="progress-text">
        {label}
        {detail && <span className="progress-detail">{detail}</span>}
      </span>
      {known ? <progress max={known.total} value={known.loaded} /> : <progress />}
    </div>
  );
}
