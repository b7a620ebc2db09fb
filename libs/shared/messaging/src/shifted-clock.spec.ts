import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from './clock';
import { clockFromEnv, FileShiftedClock } from './shifted-clock';

describe('FileShiftedClock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clock-'));
  const file = join(dir, 'offset.json');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs on the system clock shifted by the offset in the file, and follows changes to it', () => {
    writeFileSync(file, JSON.stringify({ offsetMs: 3 * 86_400_000 }));
    const clock = new FileShiftedClock(file, 0);
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(3 * 86_400_000 - 1000);
    writeFileSync(file, JSON.stringify({ offsetMs: 0 }));
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('keeps the last good offset when the file is missing or half-written', () => {
    writeFileSync(file, JSON.stringify({ offsetMs: 60_000 }));
    const clock = new FileShiftedClock(file, 0);
    clock.now();
    writeFileSync(file, '{"offs');
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(59_000);
  });

  it('is off unless MKT_CLOCK_OFFSET_FILE is set', () => {
    expect(clockFromEnv({})).toEqual({ clock: systemClock, shifted: null });
    expect(clockFromEnv({ MKT_CLOCK_OFFSET_FILE: file }).shifted).toBe(file);
  });
});
