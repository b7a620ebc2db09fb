import { useMemo } from 'react';
import { hexToBytesOrNull, hexOf, leafHashOf, parseVerifierKey, verifyCheckpoint, verifyInclusion } from '@mkt/audit/core';
import { api } from '../app/api';
import { formatTime, useLocale, useText } from '../app/locale';
import { Link } from '../app/router';
import { useAction } from '../ui/action';
import { ActionResult, ErrorNote } from '../ui/form';
import { useLoad } from '../ui/use-load';
import { ProjectExports } from './exports';
import { SUPERVISOR_TEXT } from './supervisor-messages';

interface CheckpointView {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: string;
  readonly note: string;
  readonly createdAt: string;
  readonly verifierKey: string;
}

interface RecordEntry {
  readonly position: number;
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly leafHash: string;
  readonly event: unknown;
  readonly inclusionProof: readonly string[] | null;
}

interface ProjectRecord {
  readonly projectId: string;
  readonly checkpoint: CheckpointView | null;
  readonly entries: readonly RecordEntry[];
}

type ProofState = 'ok' | 'bad' | 'pending';

/**
 * Everything the audit log holds about a project, each entry's leaf recomputed from the event and its inclusion
 * proof checked here against the root that the checkpoint's signature covers — the server supplies data, not verdicts.
 */
export function ProjectRecordPage({ projectId }: { projectId: string }) {
  const t = useText(SUPERVISOR_TEXT);
  const locale = useLocale();
  const record = useLoad((signal) => api<ProjectRecord>(`/api/audit/projects/${encodeURIComponent(projectId)}/record`, { signal }), [projectId]);
  const sign = useAction();
  const checked = useMemo(() => (record.data ? checkRecord(record.data) : null), [record.data]);

  if (record.error) return <ErrorNote error={record.error} />;
  const r = record.data;
  if (!r || !checked) return null;
  const proven = checked.proofs.filter((p) => p === 'ok').length;
  return (
    <section className="card" data-testid="project-record">
      <h2>{t.recordHeading}</h2>
      <p>
        <Link to={`/projects/${projectId}`}>{projectId}</Link>
      </p>
      <ProjectExports projectId={projectId} />
      <h3>{t.checkpoint}</h3>
      {r.checkpoint ? (
        <dl className="facts">
          <dt>{t.size}</dt>
          <dd>{r.checkpoint.size}</dd>
          <dt>{t.root}</dt>
          <dd className="mono">{r.checkpoint.rootHash}</dd>
          <dt>{t.signature}</dt>
          <dd className={checked.signatureOk ? 'ok-text' : 'bad-text'}>{checked.signatureOk ? t.signatureOk : t.signatureBad}</dd>
          <dt>{t.verifierKey}</dt>
          <dd className="mono">{r.checkpoint.verifierKey}</dd>
        </dl>
      ) : (
        <p>{t.noCheckpoint}</p>
      )}
      <button type="button" onClick={() => void sign.run(() => api('/api/audit/checkpoints', { method: 'POST' })).then((x) => x !== undefined && record.reload())} disabled={sign.busy}>
        {t.signNow}
      </button>
      <ActionResult action={sign} />
      <h3>{t.entries(r.entries.length)}</h3>
      <p className="notice" role="status" data-testid="proofs-summary">
        {t.proofsSummary(proven, r.entries.length)}
      </p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.position}</th>
              <th scope="col">{t.type}</th>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.proof}</th>
            </tr>
          </thead>
          <tbody>
            {r.entries.map((e, i) => (
              <tr key={e.eventId} data-position={e.position} data-proof={checked.proofs[i]}>
                <td data-label={t.position}>{e.position}</td>
                <td data-label={t.type}>{e.type}</td>
                <td data-label={t.when}>{formatTime(e.occurredAt, locale)}</td>
                <td data-label={t.proof}>
                  <span className={`dot ${checked.proofs[i] === 'ok' ? 'ok' : checked.proofs[i] === 'bad' ? 'bad' : ''}`} aria-hidden="true" />{' '}
                  {checked.proofs[i] === 'ok' ? t.proofOk : checked.proofs[i] === 'bad' ? t.proofBad : t.proofPending}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function checkRecord(r: ProjectRecord): { signatureOk: boolean; proofs: ProofState[] } {
  let root: Uint8Array | null = null;
  let size = 0;
  let signatureOk = false;
  if (r.checkpoint) {
    try {
      const verified = verifyCheckpoint(r.checkpoint.note, parseVerifierKey(r.checkpoint.verifierKey));
      if (verified.ok) {
        signatureOk = true;
        root = verified.checkpoint.rootHash;
        size = verified.checkpoint.size;
      }
    } catch {
      signatureOk = false;
    }
  }
  const proofs = r.entries.map((e): ProofState => {
    if (e.inclusionProof === null) return 'pending';
    if (!root) return 'bad';
    let leaf: Uint8Array;
    try {
      leaf = leafHashOf(e.event);
    } catch {
      return 'bad';
    }
    // The leaf must be this event's own hash, and the path must lead from it to the signed root.
    if (hexOf(leaf) !== e.leafHash) return 'bad';
    const path = e.inclusionProof.map(hexToBytesOrNull);
    if (path.some((p) => p === null)) return 'bad';
    return verifyInclusion(leaf, e.position, size, path as Uint8Array[], root) ? 'ok' : 'bad';
  });
  return { signatureOk, proofs };
}
