import { useEffect, useState } from 'react';
import { verifyDraw, WEIGHTED_DRAW_V1, type DrawRecord, type DrawVerification } from '@mkt/draw/core';
import type { Locale } from '../messages';
import { VERIFY_MESSAGES } from './verify-messages';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'error'; message: string }
  | { kind: 'done'; drawId: string; result: DrawVerification; weights: DrawRecord['weights'] | null };

/** Re-checks a draw with `@mkt/draw/core` in the browser: the server only supplies the record, never the verdict. */
export function VerifyPage({ locale }: { locale: Locale }) {
  const t = VERIFY_MESSAGES[locale];
  const [drawId, setDrawId] = useState(() => new URLSearchParams(location.search).get('draw') ?? '');
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  function check(recordText: string): void {
    let record: DrawRecord;
    try {
      record = JSON.parse(recordText);
    } catch {
      setOutcome({ kind: 'error', message: t.badJson });
      return;
    }
    try {
      setOutcome({ kind: 'done', drawId: record.drawId, result: verifyDraw(record), weights: record.algorithm === WEIGHTED_DRAW_V1 ? (record.weights ?? []) : null });
    } catch (error) {
      setOutcome({ kind: 'error', message: (error as Error).message });
    }
  }

  async function load(id: string): Promise<void> {
    setOutcome({ kind: 'busy' });
    const res = await fetch(`/api/draw/draws/${encodeURIComponent(id)}`).catch(() => null);
    if (!res || !res.ok) return setOutcome({ kind: 'error', message: t.notFound });
    const draw = await res.json();
    if (!draw.record) return setOutcome({ kind: 'error', message: t.notRevealed });
    const recordText = JSON.stringify(draw.record, null, 2);
    setText(recordText);
    check(recordText);
  }

  useEffect(() => {
    if (drawId) void load(drawId);
    // Only on arrival: a link such as /verify?draw=<id> checks at once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <section className="verify">
      <h2>{t.heading}</h2>
      <p>{t.intro}</p>
      <form
        className="verify-load"
        onSubmit={(e) => {
          e.preventDefault();
          void load(drawId.trim());
        }}
      >
        <label>
          {t.drawIdLabel}
          <input name="drawId" value={drawId} onChange={(e) => setDrawId(e.target.value)} spellCheck={false} />
        </label>
        <button type="submit">{t.load}</button>
      </form>
      <label className="verify-record">
        {t.recordLabel}
        <textarea name="record" rows={12} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      </label>
      <button type="button" onClick={() => check(text)}>
        {t.verify}
      </button>
      <Verdict outcome={outcome} locale={locale} />
    </section>
  );
}

function Verdict({ outcome, locale }: { outcome: Outcome; locale: Locale }) {
  const t = VERIFY_MESSAGES[locale];
  if (outcome.kind === 'idle') return null;
  if (outcome.kind === 'busy') return <p className="verdict">{t.loading}</p>;
  if (outcome.kind === 'error') return <p className="verdict bad" role="alert">{outcome.message}</p>;
  const { result, drawId, weights } = outcome;
  const nameOf = (check: string) => (weights && check === 'pool-hash' ? t.weightedPoolHash : (t.checkNames[check] ?? check));
  const failing = result.firstFailure ? nameOf(result.firstFailure.name) : '';
  return (
    <div className="verdict-block" data-testid="verdict">
      <p className={`verdict ${result.ok ? 'ok' : 'bad'}`} role="status">
        {result.ok ? t.verifies(drawId) : t.fails(failing)}
      </p>
      {weights && (
        <p className="hint" data-testid="weighted">
          {t.weighted(weights.length, weights.reduce((sum, w) => sum + (Number.isFinite(w.weight) ? w.weight : 0), 0))}
        </p>
      )}
      <p className="hint">{t.ranLocally}</p>
      <ul className="checks">
        {result.checks.map((c) => (
          <li key={c.name} data-check={c.name} data-ok={c.ok}>
            <span className={`dot ${c.ok ? 'ok' : 'bad'}`} aria-hidden="true" />
            <span className="name">{nameOf(c.name)}</span>
            <span className="detail">{c.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
