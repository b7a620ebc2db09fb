import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { hexToBytesOrNull, leafHashOf, ocdsSchemaValidator, verifyInclusion } from '@mkt/audit/core';
import { verifyDraw } from '@mkt/draw/core';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { jsonClient, waitFor, type CallOptions } from '@mkt/shared/testing';
import { AgencyJourney } from './agency-journey';

/**
 * The marketplace as `npm run start:distributed` runs it (tools/dev/start-distributed.js): every service its own
 * process with its own Postgres database, real Kafka, the gateway in front. Time is moved forward for every
 * process at once through the launcher's shifted-clock file, so windows, publicity and deadlines pass in seconds.
 *
 * - A random-draw project runs from posting to evaluation: an amendment (lower cap, later close, a private conflict
 *   declaration), sign-up, draw with witnesses (the draw service is killed right after its commitment and comes
 *   back), publicity with an objection dismissed (the projects service is restarted inside it, and publicity still
 *   ends on time), the winner declines and the first alternate takes the seat, contract, completion, evaluation — and
 *   the registry's credit record shows the decline and the evaluation. The amendment is in the log, public, without
 *   the conflict, and in the OCDS export as a tenderAmendment release.
 * - A bidding project runs from posting to award, with the bidding service killed while bids are sealed.
 * Nothing is done twice: one draw, one close, one credit entry per cause.
 */
const root = join(__dirname, '../../..');
const secret = `launcher-${randomUUID()}-${randomUUID()}`;
const prefix = `mkt_l${randomBytes(3).toString('hex')}`;
const PORT_BASE = 3600;
const GATEWAY = 3690;
const ITEM = `EIA-${randomUUID().slice(0, 6)}`.toUpperCase();
const token = (role: 'OWNER' | 'SUPERVISOR' | 'AGENCY' | 'ADMIN', org: string | null = null) => issueTestToken(secret, { userId: `${role}-${org}`, role, organizationId: org }, 7 * 86_400);
const owner = token('OWNER', 'owner-org-l');
const supervisor = token('SUPERVISOR');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('distributed mode started through tools/dev: draw and bidding projects end to end, with services killed and restarted', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'launcher-'));
  const clockFile = join(dataDir, 'clock.json');
  let offsetMs = 0;
  let launcher: ChildProcess;
  let output = '';
  const call = (method: string, path: string, options: CallOptions = {}) => jsonClient(() => `http://127.0.0.1:${GATEWAY}`)(method, path, options);
  const now = () => new Date(Date.now() + offsetMs);
  /** Calendar date in the marketplace's civil time (UTC+8) on the shifted clock. */
  const today = (plusDays = 0) => new Date(now().getTime() + 8 * HOUR + plusDays * DAY).toISOString().slice(0, 10);

  async function advance(ms: number): Promise<void> {
    offsetMs += ms;
    writeFileSync(clockFile, JSON.stringify({ offsetMs }));
    // Every process re-reads the file within 100 ms; the schedulers poll every second.
    await new Promise((r) => setTimeout(r, 300));
  }

  const processes = (): Record<string, { pid: number; port: number }> => JSON.parse(readFileSync(join(dataDir, 'distributed/processes.json'), 'utf8'));

  /** SIGKILL, as a crash: the launcher starts the service again; resolves when the new process is healthy. */
  async function crash(service: string): Promise<void> {
    const { pid, port } = processes()[service];
    process.kill(pid, 'SIGKILL');
    await waitFor(
      async () => {
        const current = processes()[service]?.pid;
        if (current === undefined || current === pid) return false;
        return (await fetch(`http://127.0.0.1:${port}/health`)).status === 200;
      },
      (up) => up === true,
      { what: `${service} to come back`, timeoutMs: 90000, intervalMs: 500 },
    );
  }

  const projectOf = async (id: string) => (await call('GET', `/api/projects/projects/${id}`, { token: owner })).body;
  const untilStatus = (id: string, status: string, timeoutMs = 60000) => waitFor(() => projectOf(id), (p) => p?.status === status, { what: `project ${status}`, timeoutMs, intervalMs: 500 });

  beforeAll(async () => {
    writeFileSync(clockFile, JSON.stringify({ offsetMs: 0 }));
    launcher = spawn(process.execPath, ['tools/dev/start-distributed.js'], {
      cwd: root,
      env: {
        ...process.env, NODE_OPTIONS: '', DATA_DIR: dataDir, DATABASE_PREFIX: prefix, PORT: String(GATEWAY), SERVICE_PORT_BASE: String(PORT_BASE),
        AUTH_TOKEN_SECRET: secret, MKT_CLOCK_OFFSET_FILE: clockFile, SKIP_WEB_BUILD: '1', KAFKA_SESSION_TIMEOUT_MS: '6000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    launcher.stdout?.on('data', (d) => (output += String(d)));
    launcher.stderr?.on('data', (d) => (output += String(d)));
    await waitFor(() => output.includes('Marketplace ready') || launcher.exitCode !== null, (ready) => ready, { what: 'the launcher to report ready', timeoutMs: 240000, intervalMs: 500 });
    if (!output.includes('Marketplace ready')) throw new Error(`launcher failed:\n${output.slice(-3000)}`);
  }, 260000);

  afterAll(async () => {
    if (launcher && launcher.exitCode === null) {
      const exited = new Promise((r) => launcher.once('exit', r));
      launcher.kill('SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 30000))]);
    }
    mkdirSync(join(root, 'tmp/logs'), { recursive: true });
    writeFileSync(join(root, 'tmp/logs/distributed-launcher.log'), output, { flag: 'w' });
    const admin = new Client({ connectionString: process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    try {
      for (const s of ['identity', 'registry', 'projects', 'draw', 'bidding', 'audit']) await admin.query(`DROP DATABASE IF EXISTS ${prefix}_${s} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 60000);

  let agencies: string[] = [];
  const projects: { draw?: string; bidding?: string } = {};
  /** The draw project's amendment: its public reason, and a conflict the owner declares in it that no record may show. */
  const amendment = { reason: '预算核减，报名截止顺延', conflictAgencyId: `related-${randomUUID()}`, conflictReason: '与业主存在股权关联' };

  it('onboards firms through the gateway, and every service folds them in', async () => {
    const journey = new AgencyJourney(`http://127.0.0.1:${GATEWAY}`, { admin: token('ADMIN'), supervisor });
    await journey.offerItem(ITEM, `http://127.0.0.1:${GATEWAY}`);
    for (let i = 0; i < 4; i++) agencies.push(await journey.onboard(ITEM));
    agencies = [...agencies];
    await waitFor(
      () => call('GET', `/api/draw/pool-preview?serviceItemCode=${ITEM}&requiredLevel=2&on=${today()}`, { token: owner }).then((r) => r.body.pool),
      (pool) => pool?.length === 4,
      { what: 'draw read model', timeoutMs: 60000 },
    );
  }, 120000);

  it('runs a random-draw project from posting to evaluation across crashes, and the credit record follows', async () => {
    const opensAt = now().toISOString();
    const closesAt = new Date(now().getTime() + 73 * HOUR).toISOString();
    const draft = await call('POST', '/api/projects/projects', {
      token: owner,
      body: {
        title: '某园区环境影响评价（分布式）', serviceItemCode: ITEM, description: '环评报告书', budgetCapFen: 9_000_000, requiredLevel: 2, region: '330100', servicePeriodDays: 30,
        selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 2, minimumCandidates: 3 }, signUp: { mode: 'WINDOW', opensAt, closesAt },
      },
    });
    expect(draft.status).toBe(201);
    const id = draft.body.id;
    projects.draw = id;
    expect((await call('POST', `/api/projects/projects/${id}/publish`, { token: owner })).status).toBe(200);
    // Amended before anyone signs up: the close moves two hours later, the scheduler with it.
    const amended = await call('POST', `/api/projects/projects/${id}/amendments`, {
      token: owner,
      body: {
        reason: amendment.reason,
        changes: {
          budgetCapFen: 8_500_000,
          signUp: { mode: 'WINDOW', opensAt, closesAt: new Date(Date.parse(closesAt) + 2 * HOUR).toISOString() },
          conflicts: [{ agencyId: amendment.conflictAgencyId, reason: amendment.conflictReason }],
        },
      },
    });
    expect(amended.status).toBe(200);
    for (const agencyId of agencies) expect((await call('POST', `/api/projects/projects/${id}/sign-ups`, { token: token('AGENCY', agencyId) })).status).toBe(200);

    // The window closes on the projects service's scheduler; the draw commits from its own read model.
    await advance(76 * HOUR);
    const [committed] = await waitFor(() => call('GET', `/api/draw/projects/${id}/draws`).then((r) => r.body), (d) => d?.length === 1, { what: 'commitment', timeoutMs: 60000, intervalMs: 500 });
    await crash('draw');
    await call('POST', `/api/draw/draws/${committed.drawId}/witness-values`, { token: owner, body: { value: '立夏' } });
    const revealed = await call('POST', `/api/draw/draws/${committed.drawId}/witness-values`, { token: supervisor, body: { value: '8128' } });
    expect(revealed).toMatchObject({ status: 200, body: { revealed: true } });
    const record = (await call('GET', `/api/draw/draws/${committed.drawId}`)).body.record;
    expect(verifyDraw(record).ok).toBe(true);

    const inPublicity = await untilStatus(id, 'PUBLICITY');
    const [winner] = record.winners;
    const [firstAlternate] = record.alternates;
    expect(inPublicity.selection.winners.map((w: { agencyId: string }) => w.agencyId)).toEqual([winner]);
    const objector = agencies.find((a) => a !== winner && !record.alternates.includes(a)) ?? record.alternates[1];
    const filed = await call('POST', `/api/projects/projects/${id}/objections`, { token: token('AGENCY', objector), body: { grounds: '对抽取结果有疑问' } });
    expect(filed.status).toBe(201);
    expect((await call('POST', `/api/projects/projects/${id}/objections/${filed.body.objectionId}/ruling`, { token: supervisor, body: { verdict: 'DISMISSED', reason: '抽取记录可独立验证' } })).status).toBe(200);

    // Restart inside publicity: the end of publicity is a durable task, not a timer in a process.
    await crash('projects');
    await advance(Date.parse(inPublicity.selection.publicityEndsAt) - now().getTime() - 10 * 60_000);
    await new Promise((r) => setTimeout(r, 2500));
    expect((await projectOf(id)).status).toBe('PUBLICITY');
    await advance(11 * 60_000);
    await untilStatus(id, 'AWARDED');

    // The winner declines: the first alternate takes the seat, and accepts.
    expect(await call('POST', `/api/projects/projects/${id}/award/decline`, { token: token('AGENCY', winner), body: { reason: '人员不足' } })).toMatchObject({ status: 200 });
    expect((await projectOf(id)).seats.map((s: { agencyId: string }) => s.agencyId)).toEqual([firstAlternate]);
    expect(await call('POST', `/api/projects/projects/${id}/award/accept`, { token: token('AGENCY', firstAlternate) })).toMatchObject({ status: 200 });
    expect(await call('POST', `/api/projects/projects/${id}/contract`, { token: owner, body: { agencyId: firstAlternate, amountFen: 8_000_000, startDate: today() } })).toMatchObject({ status: 200, body: { status: 'CONTRACTED' } });
    await advance(20 * DAY);
    expect(await call('POST', `/api/projects/projects/${id}/completion`, { token: owner, body: { agencyId: firstAlternate, completionDate: today() } })).toMatchObject({ status: 200, body: { status: 'COMPLETED' } });
    expect(await call('POST', `/api/projects/projects/${id}/evaluation`, { token: owner, body: { agencyId: firstAlternate, quality: 5, feeCompliant: true, comment: '质量优' } })).toMatchObject({ status: 200, body: { status: 'EVALUATED' } });

    // The registry's credit record, fed by the projects events over Kafka.
    const creditOf = (agencyId: string) => call('GET', `/api/registry/agencies/${agencyId}/credit`, { token: supervisor }).then((r) => r.body);
    const evaluated = await waitFor(() => creditOf(firstAlternate), (c) => JSON.stringify(c?.entries ?? []).includes(id), { what: 'evaluation in the credit record', timeoutMs: 60000, intervalMs: 500 });
    const declined = await waitFor(() => creditOf(winner), (c) => JSON.stringify(c?.entries ?? []).includes(id), { what: 'decline in the credit record', timeoutMs: 60000, intervalMs: 500 });
    const forProject = (c: { entries: { projectId: string | null; cause: string }[] }) => c.entries.filter((e) => e.projectId === id).map((e) => e.cause);
    expect(forProject(declined)).toEqual(['AWARD_DECLINED']);
    expect(forProject(evaluated).length).toBeGreaterThanOrEqual(1);
    expect(evaluated.score).toBeGreaterThan(80);
    expect(declined.score).toBeLessThan(80);
    // One draw for the round, however the crash fell.
    expect((await call('GET', `/api/draw/projects/${id}/draws`)).body).toHaveLength(1);
  }, 420000);

  it('runs a bidding project from posting to award, with the bidding service killed while bids are sealed', async () => {
    const deadline = new Date(now().getTime() + 2 * HOUR).toISOString();
    const draft = await call('POST', '/api/projects/projects', {
      token: owner,
      body: {
        title: '某道路工程造价咨询（分布式）', serviceItemCode: ITEM, description: '全过程造价咨询', budgetCapFen: 6_000_000, requiredLevel: 2, region: '330100', servicePeriodDays: 40,
        selection: { method: 'BIDDING', winners: 1, minimumValidBids: 3, evaluation: { rule: 'REASONABLE_LOW', abnormallyLowFraction: 0.8 }, quoteForm: 'AMOUNT', bidDeadline: deadline },
        signUp: { mode: 'ALL_ELIGIBLE' },
      },
    });
    expect(draft.status).toBe(201);
    const id = draft.body.id;
    projects.bidding = id;
    await call('POST', `/api/projects/projects/${id}/publish`, { token: owner });
    expect((await call('POST', `/api/projects/projects/${id}/request-selection`, { token: owner })).body.status).toBe('SELECTING');
    const [opened] = await waitFor(() => call('GET', `/api/bidding/projects/${id}/biddings`).then((r) => r.body), (b) => b?.length === 1, { what: 'bidding opens', timeoutMs: 60000, intervalMs: 500 });

    // Four bids; the lowest is abnormally low (below 0.8 × the mean) and is set aside.
    const prices = [5_200_000, 4_900_000, 5_500_000, 2_000_000];
    for (const [i, agencyId] of agencies.entries()) {
      const bid = { quote: { form: 'AMOUNT', amountFen: prices[i] }, servicePeriodDays: 35 };
      const res = await call('POST', `/api/bidding/biddings/${opened.biddingId}/bids`, { token: token('AGENCY', agencyId), body: bid, headers: { 'Idempotency-Key': `launcher-bid-${i}` } });
      expect(res.status).toBe(201);
    }
    await crash('bidding');
    // The same request again after the crash: the stored receipt, no second bid.
    const retried = await call('POST', `/api/bidding/biddings/${opened.biddingId}/bids`, {
      token: token('AGENCY', agencies[0]), body: { quote: { form: 'AMOUNT', amountFen: prices[0] }, servicePeriodDays: 35 }, headers: { 'Idempotency-Key': 'launcher-bid-0' },
    });
    expect(retried.status).toBe(201);
    expect((await call('GET', `/api/bidding/biddings/${opened.biddingId}`)).body.sealedCommitments).toHaveLength(4);

    await advance(2 * HOUR + 60_000);
    const inPublicity = await untilStatus(id, 'PUBLICITY', 90000);
    const round = (await call('GET', `/api/bidding/biddings/${opened.biddingId}`)).body;
    expect(round.status).toBe('DECIDED');
    expect(round.closing.revealed).toHaveLength(4);
    expect(round.closing.setAside.map((b: { agencyId: string }) => b.agencyId)).toEqual([agencies[3]]);
    expect(inPublicity.selection.winners).toEqual([{ agencyId: agencies[1], quote: { form: 'AMOUNT', amountFen: 4_900_000 } }]);

    await advance(Date.parse(inPublicity.selection.publicityEndsAt) - now().getTime() + 60_000);
    await untilStatus(id, 'AWARDED');
    expect(await call('POST', `/api/projects/projects/${id}/award/accept`, { token: token('AGENCY', agencies[1]) })).toMatchObject({ status: 200 });
    expect((await projectOf(id)).seats).toEqual([expect.objectContaining({ agencyId: agencies[1] })]);
  }, 300000);
  it('keeps both projects complete in the audit log, every entry with a valid inclusion proof, and exports them as OCDS', async () => {
    type Entry = { position: number; type: string; inclusionProof: string[] | null };
    const story = async (id: string) => {
      const { body } = await call('GET', `/api/audit/records?projectId=${id}`, { token: supervisor });
      return { checkpoint: body.checkpoint as { size: number; rootHash: string }, entries: (body.records[0]?.entries ?? []) as Entry[] };
    };
    const drawStory = [
      'projects.ProjectPublished', 'projects.ProjectAmended', 'projects.SelectionRequested', 'draw.DrawCommitted', 'draw.EntropyContributed', 'draw.EntropyContributed', 'draw.DrawRevealed',
      'projects.SelectionRecorded', 'projects.ProjectAwarded', 'projects.AwardDeclined', 'projects.ContractRecorded', 'projects.ServiceCompleted', 'projects.AgencyEvaluated',
    ];
    const biddingStory = ['projects.ProjectPublished', 'projects.SelectionRequested', 'bidding.BiddingOpened', 'bidding.BiddingClosed', 'bidding.BiddingDecided', 'projects.SelectionRecorded', 'projects.ProjectAwarded'];
    const isSubsequence = (want: string[], got: string[]) => want.every(((i) => (t: string) => (i = got.indexOf(t, i) + 1) > 0)(0));
    for (const [id, want] of [[projects.draw, drawStory], [projects.bidding, biddingStory]] as const) {
      // The audit service consumes every topic over Kafka; wait until the last step is in, then sign a checkpoint over it.
      await waitFor(() => story(id as string), (s) => isSubsequence(want as string[], s.entries.map((e) => e.type)), { what: `the story of ${id} in the log`, timeoutMs: 60000, intervalMs: 1000 });
    }
    expect((await call('POST', '/api/audit/checkpoints', { token: supervisor })).status).toBe(200);
    const byPosition = new Map<number, unknown>();
    for (let from: number | null = 0; from !== null; ) {
      const page = (await call('GET', `/api/audit/entries?from=${from}&limit=1000`, { token: supervisor })).body as { next: number | null; entries: { position: number; event: unknown }[] };
      for (const e of page.entries) byPosition.set(e.position, e.event);
      from = page.next;
    }
    for (const id of [projects.draw, projects.bidding] as string[]) {
      const { checkpoint, entries: mine } = await story(id);
      expect(mine.length).toBeGreaterThan(5);
      for (const entry of mine) {
        const proof = (entry.inclusionProof ?? []).map((h) => hexToBytesOrNull(h) as Uint8Array);
        expect(verifyInclusion(leafHashOf(byPosition.get(entry.position)), entry.position, checkpoint.size, proof, hexToBytesOrNull(checkpoint.rootHash) as Uint8Array)).toBe(true);
      }
      // Exactly one reveal or close: nothing the crashes could have doubled.
      const types = mine.map((e) => e.type);
      expect(types.filter((t) => t === 'draw.DrawRevealed' || t === 'bidding.BiddingClosed')).toHaveLength(1);
      const ocds = await call('GET', `/api/audit/projects/${id}/ocds`, { token: supervisor });
      expect(ocds.status).toBe(200);
      expect(ocdsSchemaValidator()(ocds.body)).toEqual({ ok: true, errors: [] });
    }

    // The amendment: in the draw project's story right after the announcement, public, without the conflict it declared.
    const { entries } = (await call('GET', `/api/audit/records?projectId=${projects.draw}`, { token: supervisor })).body.records[0];
    const logged = entries.find((e: { type: string }) => e.type === 'projects.ProjectAmended');
    expect(entries.map((e: { type: string }) => e.type).slice(0, 2)).toEqual(['projects.ProjectPublished', 'projects.ProjectAmended']);
    expect(logged.payload).toMatchObject({ amendment: 1, reason: amendment.reason, changes: [{ term: 'budgetCapFen', before: 9_000_000, after: 8_500_000 }, { term: 'signUp.closesAt' }] });
    expect(JSON.stringify(logged.payload)).not.toMatch(new RegExp(`${amendment.conflictAgencyId}|${amendment.conflictReason}|conflict`));
    const asAgency = (await call('GET', `/api/audit/records?projectId=${projects.draw}`, { token: token('AGENCY', agencies[0]) })).body.records[0];
    expect(asAgency.entries.map((e: { type: string }) => e.type)).toContain('projects.ProjectAmended');
    const drawOcds = (await call('GET', `/api/audit/projects/${projects.draw}/ocds`, { token: owner })).body as { releases: { id: string; tag: string[]; tender: Record<string, any> }[] };
    const [published, amendedRelease] = drawOcds.releases;
    expect(amendedRelease).toMatchObject({ id: `${projects.draw}-${logged.position}`, tag: ['tenderAmendment'], tender: { value: { amount: 85_000, currency: 'CNY' } } });
    expect(amendedRelease.tender['amendments']).toEqual([expect.objectContaining({ id: '1', rationale: amendment.reason, amendsReleaseID: published.id, releaseID: amendedRelease.id })]);
    expect(JSON.stringify(drawOcds)).not.toContain(amendment.conflictReason);
  }, 180000);

  it('carries a blacklisting for a period to draw and bidding, and its end; a qualification past its end stops counting', async () => {
    const journey = new AgencyJourney(`http://127.0.0.1:${GATEWAY}`, { admin: token('ADMIN'), supervisor });
    const firm = await journey.onboard(ITEM);
    const inPool = async () => (await call('GET', `/api/draw/pool-preview?serviceItemCode=${ITEM}&requiredLevel=2&on=${today()}`, { token: owner })).body.pool?.includes(firm);
    const mayBid = async () => (await call('GET', `/api/bidding/bidders/${firm}/standing?serviceItemCode=${ITEM}&requiredLevel=2&on=${today()}`, { token: supervisor })).body.mayBid;
    await waitFor(inPool, (x) => x === true, { what: 'the firm in the draw pool', timeoutMs: 60000 });
    await waitFor(mayBid, (x) => x === true, { what: 'the firm admitted to bid', timeoutMs: 60000 });

    const until = new Date(now().getTime() + 10 * DAY).toISOString();
    const blacklisted = await call('POST', `/api/registry/agencies/${firm}/status`, { token: supervisor, body: { status: 'BLACKLISTED', reason: '提供虚假材料', until } });
    expect(blacklisted.status).toBe(200);
    await waitFor(inPool, (x) => x === false, { what: 'the blacklisted firm out of the draw pool', timeoutMs: 60000 });
    await waitFor(mayBid, (x) => x === false, { what: 'the blacklisted firm refused as a bidder', timeoutMs: 60000 });
    // The period ends on the registry's scheduler; draw and bidding take the firm back from the event.
    await advance(10 * DAY + HOUR);
    await waitFor(inPool, (x) => x === true, { what: 'the firm back in the pool when the period ended', timeoutMs: 60000 });
    await waitFor(mayBid, (x) => x === true, { what: 'the firm admitted again', timeoutMs: 60000 });

    // A qualification that ends in two days stops counting after it.
    const shortLived = await journey.register();
    await journey.setStatus(shortLived, 'ACTIVE');
    const granted = await call('POST', `/api/registry/agencies/${shortLived}/qualifications`, {
      token: token('ADMIN'), body: { certificateNumber: `CERT-${randomUUID()}`, serviceItemCode: ITEM, level: 2, validFrom: '2026-01-01', validUntil: today(2) },
    });
    expect(granted.status).toBe(201);
    const pool = async (on: string) => (await call('GET', `/api/draw/pool-preview?serviceItemCode=${ITEM}&requiredLevel=2&on=${on}`, { token: owner })).body;
    await waitFor(() => pool(today()), (p) => p.pool?.includes(shortLived), { what: 'the short-lived qualification counted', timeoutMs: 60000 });
    await advance(3 * DAY);
    const after = await pool(today());
    expect(after.pool).not.toContain(shortLived);
    expect(after.excluded).toContainEqual({ agencyId: shortLived, reason: 'QUALIFICATION_NOT_VALID_ON_DATE' });
    const profile = await waitFor(
      () => call('GET', `/api/registry/directory/${shortLived}`).then((r) => r.body),
      (p) => JSON.stringify(p ?? {}).includes('"current":false'),
      { what: 'the registry marking the qualification expired', timeoutMs: 60000 },
    );
    expect(profile.id ?? profile.agencyId).toBe(shortLived);
  }, 240000);
});
