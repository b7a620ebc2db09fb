import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyDraw } from '@mkt/draw/core';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { StopWaiting, waitFor } from '@mkt/shared/testing';
import { AgencyJourney } from './agency-journey';

/** Embedded mode as a newcomer meets it: `npm start`, one process, PGlite databases in a data folder. */
const root = join(__dirname, '../../..');
const port = 3290;
const url = `http://127.0.0.1:${port}`;
const secret = `embedded-${randomUUID()}-${randomUUID()}`;

function npmStart(dataDir: string): { child: ChildProcess; stop: () => Promise<void>; exited: () => boolean } {
  mkdirSync(join(root, 'tmp/logs'), { recursive: true });
  const log = createWriteStream(join(root, 'tmp/logs/embedded.log'), { flags: 'a' });
  // Its own process group, so stopping reaches npm, the launcher and the app alike.
  const child = spawn('npm', ['start'], { cwd: root, detached: true, env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, AUTH_TOKEN_SECRET: secret }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  let gone = false;
  const exited = new Promise<void>((done) => child.once('exit', () => ((gone = true), done())));
  return {
    child,
    exited: () => gone,
    stop: async () => {
      const group = -(child.pid as number);
      signalGroup(group, 'SIGTERM');
      await exited;
      // npm exits first; the app behind it is done only when the whole process group is gone.
      const deadline = Date.now() + 30000;
      while (groupAlive(group)) {
        if (Date.now() > deadline) signalGroup(group, 'SIGKILL');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(group, signal);
  } catch {
    // already gone
  }
}

function groupAlive(group: number): boolean {
  try {
    process.kill(group, 0);
    return true;
  } catch {
    return false;
  }
}

/** /health once the app answers; fails at once if `npm start` has exited instead. */
function healthOf(app: ReturnType<typeof npmStart>): Promise<any> {
  if (app.exited()) throw new StopWaiting('npm start exited; see tmp/logs/embedded.log');
  return health().catch(() => null);
}

async function health(): Promise<any> {
  const res = await fetch(`${url}/health`);
  return { status: res.status, body: await res.json() };
}

describe('embedded mode (npm start)', () => {
  let dataDir: string;
  let app: ReturnType<typeof npmStart>;
  const supervisor = issueTestToken(secret, { userId: 'sup', role: 'SUPERVISOR', organizationId: null });
  const admin = issueTestToken(secret, { userId: 'admin', role: 'ADMIN', organizationId: null });
  const pool = async (item: string) =>
    (await fetch(`${url}/api/draw/pool-preview?serviceItemCode=${item}&requiredLevel=2&on=2026-06-01`, { headers: { authorization: `Bearer ${supervisor}` } })).json();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mkt-embedded-'));
    app = npmStart(dataDir);
    await waitFor(() => healthOf(app), (h) => h?.status === 200, { timeoutMs: 120000, intervalMs: 500, what: 'npm start to answer /health' });
  }, 150000);

  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60000);

  it('answers /health with every service database up on the in-process bus', async () => {
    const { body } = await health();
    expect(body.status).toBe('ok');
    expect(body.transport).toBe('in-process');
    expect(Object.keys(body.services).sort()).toEqual(['audit', 'bidding', 'draw', 'identity', 'projects', 'registry']);
    expect(Object.values(body.services).every((s: any) => s.database === 'up')).toBe(true);
  });

  it('serves the web UI at /', async () => {
    const res = await fetch(`${url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
  });

  it('seeds demo agencies that reach the draw read model', async () => {
    // The pending demo firm is seeded last: wait for it too, not only for the three active ones.
    const preview = await waitFor(() => pool('EIA-REPORT'), (p) => p.pool?.length === 3 && p.excluded?.length === 1, { what: 'demo agencies in the EIA pool' });
    expect(preview.excluded).toEqual([expect.objectContaining({ reason: 'NOT_ACTIVE' })]);
  });

  it('posts a demo project whose draw anyone can verify', async () => {
    const list = await waitFor(() => fetch(`${url}/api/projects/announcements`).then((r) => r.json()), (l) => l.some((a: any) => a.status === 'PUBLICITY'), { what: 'the demo project in publicity', timeoutMs: 60000 });
    const demo = list.find((a: any) => a.status === 'PUBLICITY');
    expect(demo.selection.source.kind).toBe('DRAW');
    const draw = await (await fetch(`${url}/api/draw/draws/${demo.selection.source.drawId}`)).json();
    expect(verifyDraw(draw.record).ok).toBe(true);
    expect(draw.record.winners).toEqual(demo.selection.winners.map((w: any) => w.agencyId));
  });

  it('posts a demo bidding project whose round stays sealed until its deadline', async () => {
    const list = await waitFor(() => fetch(`${url}/api/projects/announcements`).then((r) => r.json()), (l) => l.some((a: any) => a.method === 'BIDDING'), { what: 'the demo bidding project', timeoutMs: 60000 });
    const project = list.find((a: any) => a.method === 'BIDDING');
    const [round] = await waitFor(
      () => fetch(`${url}/api/bidding/projects/${project.id}/biddings`).then((r) => r.json()),
      (rounds) => rounds[0]?.sealedCommitments?.length === 2,
      { what: 'two sealed demo bids', timeoutMs: 60000 },
    );
    expect(round).toMatchObject({ status: 'OPEN', rules: { quoteForm: 'AMOUNT', minimumValidBids: 2 } });
    expect(JSON.stringify(round)).not.toMatch(/13800000|13250000/);
  });

  it('carries a registry change to draw and bidding, and keeps it across a restart', async () => {
    const journey = new AgencyJourney(url, { admin, supervisor });
    const item = `DESIGN-${randomUUID().slice(0, 6)}`;
    const id = await journey.onboard(item);
    await waitFor(() => pool(item), (p) => p.pool?.includes(id), { what: 'new agency in the pool' });
    const own = issueTestToken(secret, { userId: 'ag', role: 'AGENCY', organizationId: id });
    const standing = await (await fetch(`${url}/api/bidding/bidders/${id}/standing?serviceItemCode=${item}&requiredLevel=2&on=2026-06-01`, { headers: { authorization: `Bearer ${own}` } })).json();
    expect(standing).toMatchObject({ mayBid: true, status: 'ACTIVE' });

    await app.stop();
    app = npmStart(dataDir);
    await waitFor(() => healthOf(app), (h) => h?.status === 200, { timeoutMs: 120000, intervalMs: 500, what: 'restart' });

    expect((await pool(item)).pool).toEqual([id]);
    // Demo seeding replays its idempotent steps on restart instead of adding firms or projects again.
    expect((await pool('EIA-REPORT')).pool).toHaveLength(3);
    expect(await (await fetch(`${url}/api/projects/announcements`)).json()).toHaveLength(2);
  }, 180000);
});
