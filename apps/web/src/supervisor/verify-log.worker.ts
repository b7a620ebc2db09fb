/// <reference lib="webworker" />
import { describeExportFailure, hexOf, leafHashOf, parseVerifierKey, verifyLogExport, type LogExport } from '@mkt/audit/core';

/**
 * Verifies a log export off the page's thread. First a pass over the entries that reports progress and names the
 * first entry whose leaf does not match; then the audit core's own `verifyLogExport` gives the verdict.
 */
export type VerifyLogRequest = { readonly exported: LogExport; readonly verifierKey: string };
export type VerifyLogMessage =
  | { readonly kind: 'progress'; readonly done: number; readonly total: number }
  | { readonly kind: 'checking' }
  | { readonly kind: 'result'; readonly ok: true; readonly size: number; readonly signedSize: number; readonly checkpoints: number; readonly rootHash: string }
  | { readonly kind: 'result'; readonly ok: false; readonly reason: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<VerifyLogRequest>) => {
  const { exported, verifierKey } = event.data;
  const post = (m: VerifyLogMessage) => scope.postMessage(m);
  try {
    const entries = Array.isArray(exported.entries) ? exported.entries : [];
    const step = Math.max(1, Math.floor(entries.length / 100));
    for (let i = 0; i < entries.length; i++) {
      const listed = exported.leafHashes?.[i];
      if (listed !== undefined && hexOf(leafHashOf(entries[i])) !== listed.toLowerCase()) break;
      if (i % step === 0) post({ kind: 'progress', done: i, total: entries.length });
    }
    post({ kind: 'progress', done: entries.length, total: entries.length });
    post({ kind: 'checking' });
    const result = verifyLogExport(exported, parseVerifierKey(verifierKey));
    post(
      result.ok
        ? { kind: 'result', ok: true, size: result.size, signedSize: result.signedSize, checkpoints: result.checkpointsVerified, rootHash: hexOf(result.rootHash) }
        : { kind: 'result', ok: false, reason: describeExportFailure(result.failure) },
    );
  } catch (error) {
    post({ kind: 'result', ok: false, reason: (error as Error).message });
  }
};
