import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { SelectionRequestedV1 } from '@mkt/projects/contracts';
import { AgencyQualificationGrantedV1, AgencyRegisteredV1, AgencyStatusChangedV1 } from '@mkt/registry/contracts';
import { AuthModule } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp } from '@mkt/shared/http';
import { MessagingModule, MessagingRuntime, type ServicePlatform } from '@mkt/shared/messaging';
import { createTestDatabases, eventMessage, FixedClock, jsonClient, waitFor } from '@mkt/shared/testing';
import { BiddingModule } from './bidding.module';

/**
 * A sealed bid is taken in two statements (a read, then every write at once, re-checked under the round's row lock)
 * on real Postgres, where requests do run side by side: duplicates, racing first bids, racing replaces, and a bid
 * caught behind the close.
 */
const secret = 'bid-submission-races-secret-0123456789abcd';
const ITEM = 'COST-CONSULT';
const clock = new FixedClock(new Date('2026-05-01T02:00:00.000Z'));
const agencyToken = (i: number) => issueTestToken(secret, { userId: `u-${i}`, role: 'AGENCY', organizationId: `agency-${i}` });
const bid = (amountFen: number) => ({ quote: { form: 'AMOUNT', amountFen }, servicePeriodDays: 30 });

describe('sealed bids racing each other and the close, on Postgres', () => {
  let databases: Awaited<ReturnType<typeof createTestDatabases>>;
  let app: INestApplication;
  let platform: ServicePlatform;
  let call: ReturnType<typeof jsonClient>;
  let db: Client;

  const openRound = async (projectId: string): Promise<string> => {
    await platform.inbox.deliver(
      eventMessage(SelectionRequestedV1, projectId, {
        projectId, round: 1, method: 'BIDDING', ownerOrganizationId: 'owner-1', serviceItemCode: ITEM, requiredLevel: 2, winners: 1, alternates: 0,
        minimumCandidates: 1, conflictAgencyIds: [], signedUpAgencyIds: null, entropySource: 'witnesses', witnesses: ['OWNER'], creditThreshold: null,
        weightFunction: null, rulesVersion: 'rules/2026-1', eligibleOn: '2026-05-01',
        bidding: { deadline: '2026-05-03T02:00:00.000Z', capFen: 9_000_000, quoteForm: 'AMOUNT', evaluation: { kind: 'LOWEST_PRICE' }, minimumValidBids: 1 },
      }),
    );
    return (await call('GET', `/api/bidding/projects/${projectId}/biddings`)).body[0].biddingId;
  };
  const rows = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows;

  beforeAll(async () => {
    databases = await createTestDatabases(['bidding']);
    class BidRacesRoot {}
    app = await createHttpApp(
      {
        module: BidRacesRoot,
        imports: [
          MessagingModule.forRoot({ transport: { kind: 'in-process' }, clock }),
          AuthModule.forRoot({ secret }),
          BiddingModule.forRoot({ database: { kind: 'postgres', url: databases.urlOf('bidding'), poolSize: 12 }, sealKey: 'ef'.repeat(32) }),
        ],
      },
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    const base = await app.getUrl();
    call = jsonClient(() => base);
    platform = app.get(MessagingRuntime).platform('bidding') as ServicePlatform;
    for (let i = 1; i <= 3; i++) {
      const agencyId = `agency-${i}`;
      await platform.inbox.deliver(eventMessage(AgencyRegisteredV1, agencyId, { agencyId, name: `机构${i}`, creditCode: '91350100M000100Y43', region: '350100' }));
      await platform.inbox.deliver(eventMessage(AgencyStatusChangedV1, agencyId, { agencyId, from: 'PENDING', to: 'ACTIVE', reason: '', sequence: 1 }));
      await platform.inbox.deliver(
        eventMessage(AgencyQualificationGrantedV1, agencyId, { agencyId, qualificationId: `q-${i}`, serviceItemCode: ITEM, level: 2, validFrom: '2026-01-01', validUntil: '2027-12-31' }),
      );
    }
    db = new Client({ connectionString: databases.urlOf('bidding') });
    await db.connect();
  }, 60000);

  afterAll(async () => {
    await db?.end();
    await app?.close();
    await databases?.drop();
  });

  it('lands ten simultaneous copies of one request (same Idempotency-Key) once, each answered with the same receipt', async () => {
    const biddingId = await openRound('p-duplicates');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call('POST', `/api/bidding/biddings/${biddingId}/bids`, { token: agencyToken(1), body: bid(5_000_000), headers: { 'Idempotency-Key': 'same-click' } })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.commitment)).size).toBe(1);
    expect(await rows(`SELECT count(*)::int AS n FROM bid WHERE bidding_id = $1`, [biddingId])).toEqual([{ n: 1 }]);
    expect(await rows(`SELECT count(*)::int AS n FROM outbox WHERE aggregate_id = $1 AND event_type = 'bidding.BidSubmitted'`, [biddingId])).toEqual([{ n: 1 }]);
  });

  it('refuses the same Idempotency-Key sent at once with a different bid, keeping the one that landed', async () => {
    const biddingId = await openRound('p-key-reused');
    const answers = await Promise.all(
      [5_100_000, 5_200_000].map((p) => call('POST', `/api/bidding/biddings/${biddingId}/bids`, { token: agencyToken(1), body: bid(p), headers: { 'Idempotency-Key': 'one-key' } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)?.body.code).toBe('REQUEST.IDEMPOTENCY_KEY_REUSED');
    expect(await rows(`SELECT count(*)::int AS n FROM bid WHERE bidding_id = $1`, [biddingId])).toEqual([{ n: 1 }]);
  });

  it('takes one of several first bids one agency sends at once, and tells the others why', async () => {
    const biddingId = await openRound('p-first-bids');
    const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => call('POST', `/api/bidding/biddings/${biddingId}/bids`, { token: agencyToken(2), body: bid(5_000_000 + n) })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(Array(4).fill('BIDDING.ALREADY_BID'));
    expect(await rows(`SELECT count(*)::int AS n FROM bid WHERE bidding_id = $1`, [biddingId])).toEqual([{ n: 1 }]);
  });

  it('lets one of two simultaneous replaces end the live bid; the other is refused and nothing is doubled', async () => {
    const biddingId = await openRound('p-replaces');
    const first = await call('POST', `/api/bidding/biddings/${biddingId}/bids`, { token: agencyToken(3), body: bid(6_000_000) });
    expect(first.status).toBe(201);
    const answers = await Promise.all([6_100_000, 6_200_000].map((p) => call('PUT', `/api/bidding/biddings/${biddingId}/bids/mine`, { token: agencyToken(3), body: bid(p) })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.body.code).toBe('BIDDING.NO_LIVE_BID');
    const stored = await rows(`SELECT status, count(*)::int AS n FROM bid WHERE bidding_id = $1 GROUP BY status ORDER BY status`, [biddingId]);
    expect(stored).toEqual([{ status: 'LIVE', n: 1 }, { status: 'REPLACED', n: 1 }]);
    expect(await rows(`SELECT count(*)::int AS n FROM outbox WHERE aggregate_id = $1 AND event_type = 'bidding.BidReplaced'`, [biddingId])).toEqual([{ n: 1 }]);
  });

  it('refuses a bid that waited behind the close, though it read the round while it was still open', async () => {
    const biddingId = await openRound('p-behind-the-close');
    // A close in progress, as the close takes it: the round's lock exclusive, its row changed and not yet committed.
    const closer = new Client({ connectionString: databases.urlOf('bidding') });
    await closer.connect();
    try {
      await closer.query('BEGIN');
      await closer.query(`SELECT pg_advisory_xact_lock(hashtextextended('bidding_round:' || $1, 0))`, [biddingId]);
      await closer.query(`SELECT 1 FROM bidding_round WHERE bidding_id = $1 FOR UPDATE`, [biddingId]);
      await closer.query(`UPDATE bidding_round SET status = 'FAILED' WHERE bidding_id = $1`, [biddingId]);
      const late = call('POST', `/api/bidding/biddings/${biddingId}/bids`, { token: agencyToken(1), body: bid(4_000_000), headers: { 'Idempotency-Key': 'behind-the-close' } });
      await waitFor(
        () => rows(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`, []),
        ([{ n }]) => n === 1,
        { what: 'the bid to wait for the close' },
      );
      await closer.query('COMMIT');
      const answer = await late;
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('BIDDING.ROUND_CLOSED');
    } finally {
      await closer.end();
    }
    expect(await rows(`SELECT count(*)::int AS n FROM bid WHERE bidding_id = $1`, [biddingId])).toEqual([{ n: 0 }]);
    expect(await rows(`SELECT count(*)::int AS n FROM idempotent_requests WHERE key = 'behind-the-close'`, [])).toEqual([{ n: 0 }]);
  });
});
