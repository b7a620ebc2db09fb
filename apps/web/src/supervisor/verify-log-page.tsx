import { useRef, useState } from 'react';
import type { LogExport } from '@mkt/audit/core';
import { api, ApiError } from '../app/api';
import { useText } from '../app/locale';
import { ErrorNote } from '../ui/form';
import { ProgressBar } from '../ui/progress';
import { downloadWithProgress, type Transfer } from '../ui/transfer';
import { SUPERVISOR_TEXT } from './supervisor-messages';
import type { VerifyLogMessage } from './verify-log.worker';

type Phase =
  | { kind: 'idle' }
  | { kind: 'downloading'; transfer: Transfer | null }
  | { kind: 'hashing'; done: number; total: number }
  | { kind: 'checking' }
  | { kind: 'done'; message: Extract<VerifyLogMessage, { kind: 'result' }> };

/** Downloads the whole log export and verifies it in a worker with the audit core, showing the progress of each step. */
export function VerifyLogPage() {
  const t = useText(SUPERVISOR_TEXT);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<ApiError | null>(null);
  const [key, setKey] = useState('');
  const worker = useRef<Worker | null>(null);

  async function start(): Promise<void> {
    setError(null);
    setPhase({ kind: 'downloading', transfer: null });
    try {
      // The key comes with the latest checkpoint; the page shows it so the supervisor can compare it out of band.
      const checkpoint = await api<{ verifierKey: string }>('/api/audit/checkpoint');
      setKey(checkpoint.verifierKey);
      const body = await downloadWithProgress('/api/audit/export', (transfer) => setPhase({ kind: 'downloading', transfer }));
      const exported = JSON.parse(await body.text()) as LogExport;
      worker.current?.terminate();
      const w = new Worker(new URL('./verify-log.worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      w.onmessage = (e: MessageEvent<VerifyLogMessage>) => {
        const m = e.data;
        if (m.kind === 'progress') setPhase({ kind: 'hashing', done: m.done, total: m.total });
        else if (m.kind === 'checking') setPhase({ kind: 'checking' });
        else {
          setPhase({ kind: 'done', message: m });
          w.terminate();
        }
      };
      w.postMessage({ exported, verifierKey: checkpoint.verifierKey });
    } catch (e) {
      setPhase({ kind: 'idle' });
      setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', String(e), null));
    }
  }

  const busy = phase.kind === 'downloading' || phase.kind === 'hashing' || phase.kind === 'checking';
  return (
    <section className="card">
      <h2>{t.logHeading}</h2>
      <p>{t.logIntro}</p>
      <button type="button" className="primary" onClick={() => void start()} disabled={busy}>
        {t.start}
      </button>
      <ErrorNote error={error} />
      {key && (
        <p className="hint">
          {t.verifierKey}: <span className="mono">{key}</span>
        </p>
      )}
      <div aria-live="polite">
        {phase.kind === 'downloading' && <ProgressBar label={t.downloading} transfer={phase.transfer} testId="log-download" />}
        {phase.kind === 'hashing' && (
          <div className="progress" data-testid="log-hashing" data-done={phase.done} data-total={phase.total}>
            <span className="progress-text">{t.hashing(phase.done, phase.total)}</span>
            <progress max={phase.total || 1} value={phase.done} />
          </div>
        )}
        {phase.kind === 'checking' && <ProgressBar label={t.checking} testId="log-checking" />}
        {phase.kind === 'done' && (
          <p className={`verdict ${phase.message.ok ? 'ok' : 'bad'}`} role="status" data-testid="log-verdict">
            {phase.message.ok ? t.logOk(phase.message.size, phase.message.signedSize, phase.message.checkpoints) : t.logBad(phase.message.reason)}
          </p>
        )}
      </div>
    </section>
  );
}
