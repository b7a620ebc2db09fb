import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StopWaiting, waitFor } from './wait-for';

const workspaceRoot = resolve(__dirname, '../../../..');

export interface ServiceProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** SIGTERM and wait: the service drains and closes as in production. */
  stop(): Promise<void>;
  /** SIGKILL: a crash, nothing flushed. */
  kill(): Promise<void>;
}

/**
 * Starts `apps/<app>/src/main.ts` as its own OS process (TypeScript compiled on load) and waits until its
 * /health answers 200. Output goes to `tmp/logs/<name>.log` for post-mortems.
 */
export async function startServiceProcess(options: { name: string; app: string; port: number; env: NodeJS.ProcessEnv; readyTimeoutMs?: number; nodeArgs?: readonly string[] }): Promise<ServiceProcess> {
  const logDir = join(workspaceRoot, 'tmp/logs');
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, `${options.name}.log`), { flags: 'a' });
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), '-r', '@swc-node/register', `apps/${options.app}/src/main.ts`], {
    cwd: workspaceRoot,
    env: { ...process.env, NODE_OPTIONS: '', ...options.env, PORT: String(options.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  let exited: number | null | undefined;
  const exit = new Promise<void>((done) => child.once('exit', (code) => ((exited = code), done())));
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitFor(
      async () => {
        if (exited !== undefined) throw new StopWaiting(`${options.name} exited with ${exited}; see tmp/logs/${options.name}.log`);
        return (await fetch(`${url}/health`)).status;
      },
      (status) => status === 200,
      { timeoutMs: options.readyTimeoutMs ?? 60000, intervalMs: 200, what: `${options.name} to become healthy` },
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const terminate = async (signal: NodeJS.Signals) => {
    if (exited === undefined) child.kill(signal);
    await exit;
    log.end();
  };
  return { name: options.name, url, pid: child.pid as number, stop: () => terminate('SIGTERM'), kill: () => terminate('SIGKILL') };
}
