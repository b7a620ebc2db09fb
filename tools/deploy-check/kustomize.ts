import { execFileSync } from 'node:child_process';

/**
 * `kustomize build <dir>` offline. Uses `KUSTOMIZE` (a kustomize binary) when set, else `kubectl kustomize`
 * (kubectl embeds kustomize: v5.5 in the kubectl 1.32 of this machine image), else `kustomize` on the PATH.
 * Throws with kustomize's own message when the build fails.
 */
export function kustomizeBuild(dir: string): string {
  const [command, ...args] = kustomizeCommand();
  try {
    return execFileSync(command, [...args, dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 32 * 1024 * 1024 });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new Error(`kustomize build ${dir} failed: ${firstLines(stderr || (error as Error).message, 5)}`);
  }
}

let resolved: string[] | null = null;

function kustomizeCommand(): string[] {
  if (resolved) return resolved;
  const candidates = [
    ...(process.env['KUSTOMIZE'] ? [[process.env['KUSTOMIZE'], 'build']] : []),
    ['kubectl', 'kustomize'],
    ['kustomize', 'build'],
  ];
  for (const candidate of candidates) {
    try {
      execFileSync(candidate[0], [...candidate.slice(1), '--help'], { stdio: 'ignore' });
      resolved = candidate;
      return candidate;
    } catch {
      // not installed here; try the next
    }
  }
  throw new Error('no kustomize found: install kubectl (it embeds kustomize) or kustomize, or set KUSTOMIZE to its path');
}

function firstLines(text: string, count: number): string {
  return text.split('\n').slice(0, count).join(' | ');
}
