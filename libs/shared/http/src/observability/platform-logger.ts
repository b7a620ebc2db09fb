import type { LoggerService } from '@nestjs/common';
import pino, { type Logger, type LevelWithSilent } from 'pino';
import { currentCorrelationId } from '@mkt/shared/messaging';

/**
 * `LOG_LEVEL` (trace … fatal, or silent) when set; otherwise info, and silent under jest so test output shows
 * only what a test prints on purpose.
 */
export function logLevelFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): LevelWithSilent {
  const configured = env['LOG_LEVEL']?.trim().toLowerCase();
  if (configured) {
    if (!(configured in pino.levels.values) && configured !== 'silent') throw new Error(`LOG_LEVEL must be one of ${Object.keys(pino.levels.values).join(', ')} or silent, got "${configured}"`);
    return configured as LevelWithSilent;
  }
  return insideJest(env) ? 'silent' : 'info';
}

/**
 * The jest process itself: its worker id is set and its `expect` global exists. A service process a test spawns
 * inherits the worker id but not the global, and keeps logging to its post-mortem file.
 */
function insideJest(env: Readonly<Record<string, string | undefined>>): boolean {
  return env['JEST_WORKER_ID'] !== undefined && typeof (globalThis as { expect?: unknown }).expect === 'function';
}

/**
 * One JSON line per log call. Every line written while a request or an event is being handled carries its
 * `correlationId` (from the async context set by the correlation middleware and the inbox consumer).
 */
export function createPinoLogger(options: { readonly name: string; readonly level?: LevelWithSilent; readonly destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level ?? logLevelFromEnv(),
      base: { service: options.name },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
    },
    options.destination ?? logDestinationFromEnv(),
  );
}

const LOG_FLUSH_INTERVAL_MS = 1000;

/**
 * Standard output, written in batches of `LOG_BUFFER_BYTES` (default 4096; 0 writes each line at once) and at
 * least once a second. A write per line is a system call per request, a real share of a busy service's time;
 * pino flushes what is buffered when the process exits.
 */
export function logDestinationFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): pino.DestinationStream {
  const configured = env['LOG_BUFFER_BYTES']?.trim();
  const minLength = configured ? Number(configured) : 4096;
  if (!Number.isInteger(minLength) || minLength < 0 || minLength > 65536) throw new Error(`LOG_BUFFER_BYTES must be a whole number from 0 to 65536, got "${configured}"`);
  const destination = pino.destination({ dest: 1, minLength, sync: false });
  if (minLength > 0) {
    setInterval(() => {
      try {
        destination.flush();
      } catch {
        // Closed at shutdown: pino flushed it on the way out.
      }
    }, LOG_FLUSH_INTERVAL_MS).unref();
  }
  return destination;
}

/** Nest's logger interface on pino: Nest's own lines and every `new Logger(context)` go out as JSON. */
export class PinoNestLogger implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    // Nest passes (message, stack?, context?); keep the stack as its own field.
    const [stack, context] = rest.length >= 2 ? rest : [undefined, rest[0]];
    this.pino.error({ context: asText(context), ...(typeof stack === 'string' ? { stack } : {}) }, describe(message));
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]): void {
    this.pino[level]({ context: asText(rest[rest.length - 1]) }, describe(message));
  }
}

function asText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function describe(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message instanceof Error) return message.stack ?? message.message;
  return JSON.stringify(message);
}
