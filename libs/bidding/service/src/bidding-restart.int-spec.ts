import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { SelectionRequestedV1 } from '@mkt/projects/contracts';
import { AgencyQualificationGrantedV1, AgencyRegisteredV1, AgencyStatusChangedV1 } from '@mkt/registry/contracts';
import { AuthModule } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp } from '@mkt/shared/http';
import { MessagingModule, MessagingRuntime, type ServicePlatform } from '@mkt/shared/messaging';
import { eventMessage, FixedClock, jsonClient } from '@mkt/shared/testing';
import { BiddingModule } from './bidding.module';

/**
 * The close is a durable task: a service that is down at the deadline closes the round when it comes back,
 * once, with every bid accepted before it went down — sealed with the same key, opened after the restart.
 */
const secret = 'bidding-restart-spec-secret-0123456789abcd';
const sealKey = 'cd'.repeat(32);
const ITEM = 'SURVEY-MAP';
const DEADLINE = '2026-07-01T09:00:00.000Z';
const clock = new FixedClock(new Date('2026-06-30T09:00:00.000Z'));
const agencyToken = (i: number) => issueTestToken(secret, { userId: `u-${i}`, role: 'AGENCY', organizationId: `agency-${i}` });

describe('bidding across a restart over the deadline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bidding-restart-'));
  let app: INestApplication | null = null;

  async function start(): Promise<{ platform: ServicePlatform; call: ReturnType<typeof jsonClient> }> {
    class BiddingRestartRoot {}
    app = await createHttpApp(
      {
        module: BiddingRestartRoot,
        imports: [
          MessagingModule.forRoot({ transport: { kind: 'in-process' }, clock }),
          AuthModule.forRoot({ secret }),
          BiddingModule.forRoot({ database: { kind: 'pglite', dataDir: join(dir, 'bidding') }, sealKey }),
        ],
      },
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    const base = await app.getUrl();
    return { platform: app.get(MessagingRuntime).platform('bidding') as ServicePlatform, call: jsonClient(() => base) };
  }

  async function stop(): Promise<void> {
    await app?.close();
    app = null;
  }

  afterAll(async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('closes once after coming back past the deadline, revealing the bids taken before', async () => {
    const first = await start();
    const deliver = <P>(contract: Parameters<typeof eventMessage<P>>[0], key: string, payload: P) => first.platform.inbox.deliver(eventMessage(contract, key, payload));
    for (let i = 1; i <= 3; i++) {
      const agencyId = `agency-${i}`;
      await deliver(AgencyRegisteredV1, agencyId, { agencyId, name: `测绘${i}`, creditCode: '91350100M000100Y43', region: '350100' });
      await deliver(AgencyStatusChangedV1, agencyId, { agencyId, from: 'PENDING', to: 'ACTIVE', reason: '', sequence: 1 });
      await deliver(AgencyQualificationGrantedV1, agencyId, { agencyId, qualificationId: `q-${i}`, serviceItemCode: ITEM, level: 1, validFrom: '2026-01-01', validUntil: '2027-12-31' });
    }
    await deliver(SelectionRequestedV1, 'p-restart', {
      projectId: 'p-restart', round: 1, method: 'BIDDING', ownerOrganizationId: 'owner-1', serviceItemCode: ITEM, requiredLevel: 2, winners: 1, alternates: 0,
      minimumCandidates: 2, conflictAgencyIds: [], signedUpAgencyIds: null, entropySource: 'witnesses', witnesses: ['OWNER'], creditThreshold: null, weightFunction: null,
      rulesVersion: 'rules/2026-1', eligibleOn: '2026-06-30',
      bidding: { deadline: DEADLINE, capFen: 3_000_000, quoteForm: 'AMOUNT', evaluation: { kind: 'CLOSEST_TO_AVERAGE' }, minimumValidBids: 2 },
    });
    const [{ biddingId }] = (await first.call('GET', '/api/bidding/projects/p-restart/biddings')).body;
    for (const [i, amountFen] of [[1, 2_000_000], [2, 2_400_000], [3, 2_900_000]]) {
      expect((await first.call('POST', `/api/bidding/biddings/${biddingId}/bids`, { token: agencyToken(i), body: { quote: { form: 'AMOUNT', amountFen }, servicePeriodDays: 30 } })).status).toBe(201);
    }
    await stop();

    // Down across the deadline.
    clock.set(new Date(Date.parse(DEADLINE) + 3_600_000));
    const second = await start();
    await second.platform.scheduler.runDue();
    await second.platform.scheduler.runDue();
    const events: string[] = (await second.platform.database.dataSource.query(`SELECT event_type FROM outbox ORDER BY seq`)).map((r: { event_type: string }) => r.event_type);
    expect(events.filter((t) => t === 'bidding.BiddingClosed')).toHaveLength(1);
    expect(events.filter((t) => t === 'bidding.BiddingDecided')).toHaveLength(1);

    const round = (await second.call('GET', `/api/bidding/biddings/${biddingId}`)).body;
    expect(round).toMatchObject({ status: 'DECIDED', closedAt: clock.now().toISOString() });
    // Closest to the mean (2 433 333.33 fen): 2 400 000 first, then 2 000 000 (433 333 away), then 2 900 000 (466 667 away).
    expect(round.ranking.map((r: { agencyId: string }) => r.agencyId)).toEqual(['agency-2', 'agency-1', 'agency-3']);
    expect(round.closing.revealed.every((r: { invalidReason: string | null }) => r.invalidReason === null)).toBe(true);
  }, 60000);
});
