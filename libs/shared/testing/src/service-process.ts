import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StopWaiting, waitFor } from './wait-for';

const workspaceRoot = resolve(__dirname, '../../../..');
// Lines of a service's own output quoted when it fails to start, so a CI log shows why without the log file.
const TAIL_LINES = 25;

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
export interface ServiceProcessOptions {
  readonly name: string;
  readonly app: string;
  readonly port: number;
  readonly env: NodeJS.ProcessEnv;
  readonly readyTimeoutMs?: number;
  readonly nodeArgs?: readonly string[];
}

export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
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
  const tail = outputTail(child);
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
    await exit;
    throw new Error(`${(error as Error).message}\n--- last lines of ${options.name} ---\n${tail.text()}`);
  }
  tail.stop();
  const terminate = async (signal: NodeJS.Signals) => {
    if (exited === undefined) child.kill(signal);
    await exit;
    log.end();
  };
  return { name: options.name, url, pid: child.pid as number, stop: () => terminate('SIGTERM'), kill: () => terminate('SIGKILL') };
}

/**
 * Starts several services side by side. If one fails, the others are stopped before the error is thrown:
 * a service left running would keep the test runner alive and, on Kafka, join the next suite's groups.
 */
export async function startServiceProcesses(list: readonly ServiceProcessOptions[]): Promise<ServiceProcess[]> {
  const outcomes = await Promise.allSettled(list.map((options) => startServiceProcess(options)));
  const started = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (!failed) return started;
  await Promise.all(started.map((s) => s.stop()));
  throw failed.reason;
}

/** Keeps a starting service's last lines of output; `stop` once it is up (the log file has the rest). */
function outputTail(child: ChildProcess): { text(): string; stop(): void } {
  let lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines = [...lines, ...chunk.toString('utf8').split('\n').filter(Boolean)].slice(-TAIL_LINES);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    text: () => lines.join('\n'),
    stop: () => {
      child.stdout?.off('data', keep);
      child.stderr?.off('data', keep);
    },
  };
}
