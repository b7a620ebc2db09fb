import { silentLogger } from './messaging-logger';
import { PollingLoop } from './polling-loop';

describe('PollingLoop', () => {
  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  };

  /** Passes the loop makes for ten wakes 5 ms apart (a burst of commits), after its first pass. */
  const passesForABurst = async (lingerMs: number) => {
    let passes = 0;
    const loop = new PollingLoop('burst', async () => void passes++, silentLogger, 60_000, 5000, lingerMs);
    loop.start();
    await until(() => passes === 1);
    for (let i = 0; i < 10; i++) {
      loop.wake();
      await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => setTimeout(r, lingerMs + 100));
    await loop.stop();
    return passes - 1;
  };

  it('serves a burst of wakes within its linger by one pass, where without a linger each wake gets its own', async () => {
    expect(await passesForABurst(200)).toBe(1);
    expect(await passesForABurst(0)).toBeGreaterThan(3);
  });

  it('runs a pass per wake when it does not linger, a wake during a pass remembered', async () => {
    let passes = 0;
    let release: () => void = () => undefined;
    const loop = new PollingLoop('prompt', () => new Promise<void>((resolve) => { passes++; release = resolve; }), silentLogger, 60_000);
    loop.start();
    await until(() => passes === 1);
    loop.wake();
    release();
    await until(() => passes === 2);
    release();
    await new Promise((r) => setTimeout(r, 30));
    expect(passes).toBe(2);
    const stopped = loop.stop();
    release();
    await stopped;
  });
});
