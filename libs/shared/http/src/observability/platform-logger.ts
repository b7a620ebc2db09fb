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
    options.destination,
  );
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
