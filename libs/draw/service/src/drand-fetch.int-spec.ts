import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger, type INestApplication } from '@nestjs/common';
import { QUICKNET, verifyDraw } from '@mkt/draw/core';
import { SelectionRequestedV1 } from '@mkt/projects/contracts';
import { AgencyQualificationGrantedV1, AgencyRegisteredV1, AgencyStatusChangedV1 } from '@mkt/registry/contracts';
import { AuthModule } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp } from '@mkt/shared/http';
import { MessagingModule, MessagingRuntime, type ServicePlatform } from '@mkt/shared/messaging';
import { createTestDatabases, eventMessage, FixedClock, jsonClient, waitFor } from '@mkt/shared/testing';
import { FetchDrandBeaconHandler } from './application/deadlines/fetch-drand-beacon.handler';
import { DRAND_FETCH_GRACE_MS, DRAND_FETCH_TASK, DRAND_RETRY_FIRST_MS, REVEAL_WITHIN_MS } from './draw-settings';
import { DrawModule } from './draw.module';
import { DrandRelays, drandRelaySettingsFrom, type DrandRelaySettings } from './infrastructure/drand-relays';

/**
 * The drand beacon fetched by the service itself, against relays on this machine (no internet here): one serving the
 * real recorded quicknet round, one serving it tampered, one that is down and one that never answers. The draw
 * service runs on a real Postgres database, so that a restart between commitment and round loses nothing.
 */
const secret = 'drand-fetch-spec-secret-0123456789abcdefghij';
const ITEM = 'EIA-REPORT';
// Round 657413 of quicknet, as the League of Entropy published it.
const REAL = {
  round: 657413,
  randomness: 'fc1873a13f3545aeade8401532ef5519920652eee6b0d2b19ca12643b87b3587',
  signature: 'b713718a38ae728dfd477991af2822e08d2f305e47718cef9f7848ce4050e7be41076862b98fad56e91a6b85b89cd97b',
};
const TAMPERED = { ...REAL, signature: REAL.signature.replace(/^b7/, 'b6') };
const PLAN = { chainHash: QUICKNET.chainHash, round: REAL.round };
const ROUND_OUT = (QUICKNET.genesisTime + QUICKNET.periodSeconds * (REAL.round - 1)) * 1000;
// A commitment 29 s before the round is published fixes that round (30 s margin).
const COMMIT_AT = new Date(ROUND_OUT - 29_000);

/** A drand relay on localhost: answers the beacon it is given for its round, 425 Too Early for later rounds. */
class LocalRelay {
  readonly requests: string[] = [];
  private server: Server | null = null;
  url = '';

  constructor(private readonly answer: ((req: IncomingMessage, res: ServerResponse) => void) | null) {}

  static serving(beacon: typeof REAL): LocalRelay {
    return new LocalRelay((req, res) => {
      if (req.url === `/${QUICKNET.chainHash}/public/${beacon.round}`) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(beacon));
      } else {
        res.writeHead(425, { 'content-type': 'application/json' }).end('{"error":"too early"}');
      }
    });
  }

  /** Accepts the connection and never answers: only the client's timeout ends the wait. */
  static hanging(): LocalRelay {
    return new LocalRelay(() => undefined);
  }

  /** Listens, notes its URL, then stops: connections are refused, as to a relay that is down. */
  static down(): LocalRelay {
    return new LocalRelay(null);
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      this.requests.push(req.url ?? '');
      this.answer?.(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (this.answer === null) await new Promise((resolve) => server.close(resolve));
    else this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}

describe('drand beacons fetched from relays', () => {
  const real = LocalRelay.serving(REAL);
  const tampered = LocalRelay.serving(TAMPERED);
  const hanging = LocalRelay.hanging();
  const down = LocalRelay.down();
  const relays = [real, tampered, hanging, down];

  beforeAll(async () => {
    await Promise.all(relays.map((r) => r.start()));
  });

  afterAll(async () => {
    await Promise.all(relays.map((r) => r.stop()));
  });

  describe('DrandRelays', () => {
    const logged: string[] = [];
    const log = { warn: (m: unknown) => void logged.push(String(m)), debug: () => undefined };
    const settings = (...of: LocalRelay[]): DrandRelaySettings => ({ urls: of.map((r) => r.url), timeoutMs: 300 });

    beforeEach(() => logged.splice(0));

    it('passes over a relay that is down, one that never answers and one serving a tampered beacon, and takes the genuine one', async () => {
      const fetched = await new DrandRelays(settings(down, hanging, tampered, real), log).beaconFor(PLAN);
      expect(fetched.entropy).toEqual({ source: 'drand', ...PLAN, signature: REAL.signature, randomness: REAL.randomness });
      expect(fetched.tried.map((t) => t.outcome)).toEqual(['unreachable', 'unreachable', 'refused', 'beacon']);
      expect(fetched.tried.slice(0, 2)).toMatchObject([{ detail: 'fetch failed (ECONNREFUSED)' }, { detail: 'no answer within 300 ms' }]);
      // The tampered beacon is refused and said so in the log, naming the relay.
      expect(logged).toContainEqual(expect.stringMatching(new RegExp(`${tampered.url}: refused the beacon it served for round ${REAL.round}: the signature is not a valid BLS G1 point`)));
    });

    it('accepts nothing when every relay is down, silent or lying', async () => {
      const fetched = await new DrandRelays(settings(tampered, down, hanging), log).beaconFor(PLAN);
      expect(fetched).toMatchObject({ entropy: null, tried: [{ outcome: 'refused' }, { outcome: 'unreachable' }, { outcome: 'unreachable' }] });
    });

    it('reads 425 Too Early as a round not yet published, and starts each retry at the next relay', async () => {
      const early = await new DrandRelays(settings(real), log).beaconFor({ ...PLAN, round: REAL.round + 10 });
      expect(early).toEqual({ entropy: null, tried: [{ relay: real.url, outcome: 'not-yet', detail: 'HTTP 425' }] });
      const second = await new DrandRelays(settings(tampered, real), log).beaconFor(PLAN, 1);
      expect(second.tried).toEqual([{ relay: real.url, outcome: 'beacon' }]);
    });

    it('reads its relays from DRAW_DRAND_URLS (none: offline) and refuses a malformed setting at start-up', () => {
      expect(drandRelaySettingsFrom({})).toEqual({ urls: [], timeoutMs: 5000 });
      expect(drandRelaySettingsFrom({ DRAW_DRAND_URLS: ' https://api.drand.sh/ , https://drand.cloudflare.com', DRAW_DRAND_TIMEOUT_MS: '2500' })).toEqual({
        urls: ['https://api.drand.sh', 'https://drand.cloudflare.com'],
        timeoutMs: 2500,
      });
      expect(() => drandRelaySettingsFrom({ DRAW_DRAND_URLS: 'api.drand.sh' })).toThrow('DRAW_DRAND_URLS');
      expect(() => drandRelaySettingsFrom({ DRAW_DRAND_TIMEOUT_MS: '0' })).toThrow('DRAW_DRAND_TIMEOUT_MS');
      expect(new DrandRelays(drandRelaySettingsFrom({})).online).toBe(false);
    });
  });

  describe('the draw service', () => {
    const clock = new FixedClock(COMMIT_AT);
    let databases: Awaited<ReturnType<typeof createTestDatabases>>;
    let app: INestApplication | null = null;
    let warn: jest.SpyInstance;

    async function start(urls: readonly string[]): Promise<{ platform: ServicePlatform; fetcher: FetchDrandBeaconHandler; call: ReturnType<typeof jsonClient> }> {
      class DrandFetchRoot {}
      app = await createHttpApp(
        {
          module: DrandFetchRoot,
          imports: [
            MessagingModule.forRoot({ transport: { kind: 'in-process' }, clock }),
            AuthModule.forRoot({ secret }),
            DrawModule.forRoot({ database: { kind: 'postgres', url: databases.urlOf('draw') }, drand: { urls, timeoutMs: 300 } }),
          ],
        },
        { logger: false },
      );
      await app.listen(0, '127.0.0.1');
      const base = await app.getUrl();
      return { platform: app.get(MessagingRuntime).platform('draw') as ServicePlatform, fetcher: app.get(FetchDrandBeaconHandler), call: jsonClient(() => base) };
    }

    async function stop(): Promise<void> {
      await app?.close();
      app = null;
    }

    /** A drand draw committed at COMMIT_AT, so that it fixes the recorded round. */
    async function commitDrandDraw(platform: ServicePlatform, projectId: string): Promise<string> {
      clock.set(COMMIT_AT);
      await platform.inbox.deliver(
        eventMessage(SelectionRequestedV1, projectId, {
          projectId, round: 1, method: 'RANDOM_DRAW', ownerOrganizationId: `owner-${projectId}`, serviceItemCode: ITEM, requiredLevel: 2, winners: 1, alternates: 1,
          minimumCandidates: 2, conflictAgencyIds: [], signedUpAgencyIds: null, entropySource: 'drand', witnesses: [], creditThreshold: null, weightFunction: null,
          rulesVersion: 'rules/2026-1', eligibleOn: '2026-06-01', bidding: null,
        }),
      );
      const [row] = await platform.database.dataSource.query(`SELECT draw_id, commitment->'entropyPlan' AS plan FROM draw WHERE project_id = $1`, [projectId]);
      expect(typeof row.plan === 'string' ? JSON.parse(row.plan) : row.plan).toEqual({ source: 'drand', ...PLAN });
      return row.draw_id;
    }

    const fetchTask = async (platform: ServicePlatform, drawId: string) => {
      const [task] = await platform.database.dataSource.query(`SELECT due_at, payload, done_at FROM scheduled_task WHERE kind = $1 AND key = $2`, [DRAND_FETCH_TASK, drawId]);
      return { dueAt: new Date(task.due_at).getTime(), payload: JSON.parse(task.payload), done: task.done_at !== null };
    };

    /** Runs what is due (the app's own loop may run it too: the effects are the same) and waits for the fetches it set off. */
    async function runAt(at: number, s: { platform: ServicePlatform; fetcher: FetchDrandBeaconHandler }): Promise<void> {
      clock.set(new Date(at));
      await s.platform.scheduler.runDue();
      // Should the app's loop have claimed a task first, wait for its transaction: the fetch is set off before it commits.
      const due = () => s.platform.database.dataSource.query(`SELECT count(*)::int AS n FROM scheduled_task WHERE done_at IS NULL AND due_at <= $1`, [clock.now().toISOString()]);
      await waitFor(due, ([{ n }]) => n === 0, { what: 'due tasks run' });
      await s.fetcher.settled();
    }

    beforeAll(async () => {
      databases = await createTestDatabases(['draw']);
      warn = jest.spyOn(Logger.prototype, 'warn');
    }, 60000);

    afterAll(async () => {
      await stop();
      warn?.mockRestore();
      await databases?.drop();
    }, 60000);

    it('fetches the beacon at the planned round, refusing a tampered copy on the way, and reveals; the record verifies', async () => {
      const s = await start([down.url, tampered.url, real.url]);
      for (let i = 1; i <= 3; i++) {
        const agencyId = `agency-${i}`;
        await s.platform.inbox.deliver(eventMessage(AgencyRegisteredV1, agencyId, { agencyId, name: `机构${i}`, creditCode: '91350100M000100Y43', region: '350100' }));
        await s.platform.inbox.deliver(eventMessage(AgencyStatusChangedV1, agencyId, { agencyId, from: 'PENDING', to: 'ACTIVE', reason: '', sequence: 1 }));
        await s.platform.inbox.deliver(eventMessage(AgencyQualificationGrantedV1, agencyId, { agencyId, qualificationId: `q-${i}`, serviceItemCode: ITEM, level: 2, validFrom: '2026-01-01', validUntil: '2027-12-31' }));
      }
      const drawId = await commitDrandDraw(s.platform, 'p-online');
      expect(await fetchTask(s.platform, drawId)).toEqual({ dueAt: ROUND_OUT + DRAND_FETCH_GRACE_MS, payload: {}, done: false });

      const asked = real.requests.length;
      await runAt(ROUND_OUT - 1, s);
      expect(real.requests.length).toBe(asked);

      warn.mockClear();
      await runAt(ROUND_OUT + DRAND_FETCH_GRACE_MS, s);
      const { body } = await s.call('GET', `/api/draw/draws/${drawId}`);
      expect(body.status).toBe('REVEALED');
      expect(body.record.entropy).toEqual({ source: 'drand', ...PLAN, signature: REAL.signature, randomness: REAL.randomness });
      expect(verifyDraw(body.record).ok).toBe(true);
      expect(warn.mock.calls.map(([m]) => String(m))).toContainEqual(expect.stringContaining(`${tampered.url}: refused the beacon it served for round ${REAL.round}`));
      const events: string[] = (await s.platform.database.dataSource.query(`SELECT event_type FROM outbox WHERE aggregate_id = $1 ORDER BY seq`, [drawId])).map((r: { event_type: string }) => r.event_type);
      expect(events).toEqual(['draw.DrawCommitted', 'draw.DrawRevealed']);

      // The retry booked before the fetch finds the draw revealed and does nothing more.
      const retry = await fetchTask(s.platform, drawId);
      await runAt(retry.dueAt, s);
      expect((await fetchTask(s.platform, drawId)).done).toBe(true);
      await stop();
    });

    it('keeps the planned fetch across a restart between the commitment and the round', async () => {
      const before = await start([real.url]);
      const drawId = await commitDrandDraw(before.platform, 'p-restart');
      await stop();

      const after = await start([real.url]);
      await runAt(ROUND_OUT + DRAND_FETCH_GRACE_MS, after);
      expect((await after.call('GET', `/api/draw/draws/${drawId}`)).body.status).toBe('REVEALED');
      await stop();
    });

    it('retries with backoff while only bad relays answer, accepts none of their beacons, and leaves it to the overdue flag at the deadline', async () => {
      const s = await start([tampered.url, down.url, hanging.url]);
      const drawId = await commitDrandDraw(s.platform, 'p-offline-relays');
      const first = ROUND_OUT + DRAND_FETCH_GRACE_MS;
      await runAt(first, s);
      expect(await fetchTask(s.platform, drawId)).toEqual({ dueAt: first + DRAND_RETRY_FIRST_MS, payload: { attempt: 1 }, done: false });
      await runAt(first + DRAND_RETRY_FIRST_MS, s);
      expect(await fetchTask(s.platform, drawId)).toEqual({ dueAt: first + 3 * DRAND_RETRY_FIRST_MS, payload: { attempt: 2 }, done: false });
      expect((await s.call('GET', `/api/draw/draws/${drawId}`)).body.status).toBe('COMMITTED');

      const deadline = COMMIT_AT.getTime() + REVEAL_WITHIN_MS;
      await runAt(deadline, s);
      const { body } = await s.call('GET', `/api/draw/draws/${drawId}`);
      expect(body).toMatchObject({ status: 'COMMITTED', record: null });
      expect(body.overdueAt).not.toBeNull();
      expect((await fetchTask(s.platform, drawId)).done).toBe(true);
      // A genuine beacon carried in by hand still reveals it; the relays' copies never could.
      const supervisor = issueTestToken(secret, { userId: 'supervisor-1', role: 'SUPERVISOR', organizationId: null });
      expect(await s.call('POST', `/api/draw/draws/${drawId}/beacon`, { token: supervisor, body: { round: REAL.round, signature: REAL.signature } })).toMatchObject({ status: 200 });
      expect((await s.call('GET', `/api/draw/draws/${drawId}`)).body.record.entropy.signature).toBe(REAL.signature);
      await stop();
    });

    it('fetches nothing on an offline deployment (no relays): the beacon is carried in by hand', async () => {
      const s = await start([]);
      const drawId = await commitDrandDraw(s.platform, 'p-offline');
      const asked = real.requests.length;
      await runAt(ROUND_OUT + DRAND_FETCH_GRACE_MS, s);
      expect(real.requests.length).toBe(asked);
      expect(await fetchTask(s.platform, drawId)).toMatchObject({ done: true });
      expect((await s.call('GET', `/api/draw/draws/${drawId}`)).body.status).toBe('COMMITTED');
      await stop();
    });
  });
});
