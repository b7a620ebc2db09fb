import { readFileSync } from 'node:fs';
import { systemClock, type Clock } from './clock';

/**
 * The system clock shifted by an offset kept in a file (`{"offsetMs": n}`), re-read at most every `refreshMs`.
 * It lets an end-to-end test move time forward for every service process at once — past a sign-up window, a
 * publicity period or a bid deadline — without waiting days. Only `MKT_CLOCK_OFFSET_FILE` turns it on; a
 * production deployment never sets it, and a service that runs on it says so loudly at start.
 */
export class FileShiftedClock implements Clock {
  private offsetMs = 0;
  private readAt = -Infinity;

  constructor(
    private readonly file: string,
    private readonly refreshMs = 100,
  ) {}

  now(): Date {
    const real = Date.now();
    if (real - this.readAt >= this.refreshMs) {
      this.readAt = real;
      this.offsetMs = readOffset(this.file, this.offsetMs);
    }
    return new Date(real + this.offsetMs);
  }
}

function readOffset(file: string, previous: number): number {
  try {
    const { offsetMs } = JSON.parse(readFileSync(file, 'utf8')) as { offsetMs?: unknown };
    return typeof offsetMs === 'number' && Number.isFinite(offsetMs) ? offsetMs : previous;
  } catch {
    // Missing or half-written: keep the last good offset.
    return previous;
  }
}

/** The clock a service process runs on: the system clock, unless `MKT_CLOCK_OFFSET_FILE` names an offset file. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): { clock: Clock; shifted: string | null } {
  const file = env['MKT_CLOCK_OFFSET_FILE'];
  return file ? { clock: new FileShiftedClock(file), shifted: file } : { clock: systemClock, shifted: null };
}
