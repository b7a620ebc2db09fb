import { Module, type INestApplication, type LoggerService } from '@nestjs/common';
import { bidCommitment } from '@mkt/bidding/core';
import { DrawRevealedV1 } from '@mkt/draw/contracts';
import { SelectionRequestedV1 } from '@mkt/projects/contracts';
import { AgencyQualificationGrantedV1, AgencyRegisteredV1, AgencyServiceItemsChangedV1, AgencyStatusChangedV1, ServiceItemPublishedV1 } from '@mkt/registry/contracts';
import { AuthModule } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp } from '@mkt/shared/http';
import { MessagingModule, MessagingRuntime, type ServicePlatform } from '@mkt/shared/messaging';
import { eventMessage, FixedClock, jsonClient, type CallOptions } from '@mkt/shared/testing';
import { BiddingModule } from './bidding.module';

/**
 * The bidding service in one process on an embedded database: a project's selection request opens a sealed
 * round; agencies bid, replace and withdraw; nothing anyone else can see carries a price until the close; the
 * close at the deadline reveals and evaluates; an exact tie waits for its draw; the decision goes to projects.
 */
const secret = 'bidding-flow-spec-secret-0123456789abcdefgh';
const sealKey = 'ab'.repeat(32);
const ITEM = 'COST-CONSULT';
const clock = new FixedClock(new Date('2026-04-01T02:00:00.000Z'));
const DEADLINE = '2026-04-03T02:00:00.000Z';

const token = (role: 'OWNER' | 'SUPERVISOR' | 'AGENCY' | 'ADMIN', org: string | null = null) => issueTestToken(secret, { userId: `${role}-${org ?? 'x'}`, role, organizationId: org });
const agencyToken = (i: number) => token('AGENCY', `agency-${i}`);

/** Every line any logger or stream printed while the test watched. */
class RecordingLogger implements LoggerService {
  readonly lines: string[] = [];
  log = (...m: unknown[]) => void this.lines.push(m.map(String).join(' '));
  error = this.log;
  warn = this.log;
  debug = this.log;
  verbose = this.log;
  fatal = this.log;
}

function selectionRequest(projectId: string, overrides: Partial<SelectionRequestedV1> = {}, bidding: Partial<NonNullable<SelectionRequestedV1['bidding']>> = {}): SelectionRequestedV1 {
  return {
    projectId, round: 1, method: 'BIDDING', ownerOrganizationId: 'owner-org-1', serviceItemCode: ITEM, requiredLevel: 2,
    winners: 1, alternates: 0, minimumCandidates: 3, conflictAgencyIds: [], signedUpAgencyIds: null, entropySource: 'witnesses',
    witnesses: ['OWNER', 'SUPERVISOR'], creditThreshold: null, weightFunction: null, rulesVersion: 'rules/2026-1', eligibleOn: '2026-04-01',
    bidding: { deadline: DEADLINE, capFen: 8_000_000, quoteForm: 'AMOUNT', evaluation: { kind: 'LOWEST_PRICE' }, minimumValidBids: 3, ...bidding },
    ...overrides,
  };
}

const amount = (amountFen: number) => ({ form: 'AMOUNT', amountFen });

describe('bidding service: sealed bids, the close, evaluation and the tie-break', () => {
  const logger = new RecordingLogger();
  let app: INestApplication;
  let base: string;
  let bidding: ServicePlatform;
  const raw = jsonClient(() => base);
  /** Every HTTP response body, by who asked, while the test records them. */
  const responses: { caller: string; path: string; body: string }[] = [];
  const call = async (method: string, path: string, options: CallOptions & { caller?: string } = {}) => {
    const res = await raw(method, path, options);
    responses.push({ caller: options.caller ?? 'public', path: `${method} ${path}`, body: JSON.stringify(res.body) });
    return res;
  };

  const deliver = <P>(contract: Parameters<typeof eventMessage<P>>[0], key: string, payload: P) => bidding.inbox.deliver(eventMessage(contract, key, payload));
  const outbox = async (): Promise<{ type: string; payload: any }[]> =>
    (await bidding.database.dataSource.query(`SELECT event_type, envelope FROM outbox ORDER BY seq`)).map((r: { event_type: string; envelope: string }) => ({
      type: r.event_type,
      payload: JSON.parse(r.envelope).payload,
    }));
  const biddingOf = async (projectId: string) => (await raw('GET', `/api/bidding/projects/${projectId}/biddings`)).body[0];

  beforeAll(async () => {
    @Module({
      imports: [
        MessagingModule.forRoot({ transport: { kind: 'in-process' }, clock }),
        AuthModule.forRoot({ secret }),
        BiddingModule.forRoot({ database: { kind: 'pglite', dataDir: 'memory://' }, sealKey }),
      ],
    })
    class BiddingSpecRoot {}
    app = await createHttpApp(BiddingSpecRoot, { logger });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    bidding = app.get(MessagingRuntime).platform('bidding') as ServicePlatform;
    for (let i = 1; i <= 7; i++) {
      const agencyId = `agency-${i}`;
      await deliver(AgencyRegisteredV1, agencyId, { agencyId, name: `机构${i}`, creditCode: '91350100M000100Y43', region: '350100' });
      await deliver(AgencyStatusChangedV1, agencyId, { agencyId, from: 'PENDING', to: i === 7 ? 'SUSPENDED' : 'ACTIVE', reason: '', sequence: 1 });
      // agency-6 holds a qualification for another item only.
      await deliver(AgencyQualificationGrantedV1, agencyId, { agencyId, qualificationId: `q-${i}`, serviceItemCode: i === 6 ? 'EIA-REPORT' : ITEM, level: 2, validFrom: '2026-01-01', validUntil: '2027-12-31' });
    }
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  describe('one round from open to decision', () => {
    let id: string;
    const prices = { tied: 6_543_219, third: 7_654_321, replacedAway: 7_777_777, withdrawn: 5_432_198, lastMs: 7_901_234 };
    const priceTexts = Object.values(prices).flatMap((p) => [String(p), (p / 100).toFixed(2)]);
    const carriesAPrice = (text: string) => priceTexts.some((p) => text.includes(p));

    it('opens from the selection request with the project’s rules and schedules the close', async () => {
      await expect(deliver(SelectionRequestedV1, 'p-bid-1', selectionRequest('p-bid-1'))).resolves.toBe('handled');
      // A redelivered request opens nothing twice.
      await expect(deliver(SelectionRequestedV1, 'p-bid-1', selectionRequest('p-bid-1'))).resolves.toBe('handled');
      const rounds = (await raw('GET', '/api/bidding/projects/p-bid-1/biddings')).body;
      expect(rounds).toHaveLength(1);
      id = rounds[0].biddingId;
      expect(rounds[0]).toMatchObject({ status: 'OPEN', rules: { deadline: DEADLINE, capFen: 8_000_000, quoteForm: 'AMOUNT', winners: 1, minimumValidBids: 3 }, sealedCommitments: [] });
      expect((await outbox()).filter((e) => e.type === 'bidding.BiddingOpened')).toHaveLength(1);
    });

    it('refuses bad input with a 4xx naming the field, and callers who may not bid', async () => {
      const bid = { quote: amount(prices.third), servicePeriodDays: 30 };
      expect((await call('POST', `/api/bidding/biddings/${id}/bids`, { token: agencyToken(3), caller: 'agency-3', body: { servicePeriodDays: 30 } })).body).toMatchObject({ field: 'quote' });
      expect((await call('POST', `/api/bidding/biddings/${id}/bids`, { token: agencyToken(3), caller: 'agency-3', body: { ...bid, servicePeriodDays: 0 } })).body).toMatchObject({ field: 'servicePeriodDays' });
      expect((await call('POST', `/api/bidding/biddings/${id}/bids`, { token: agencyToken(3), caller: 'agency-3', body: { ...bid, salt: 'XYZ' } })).body).toMatchObject({ field: 'salt' });
      const aboveCap = await call('POST', `/api/bidding/biddings/${id}/bids`, { token: agencyToken(3), caller: 'agency-3', body: { ...bid, quote: amount(8_000_001) } });
      expect(aboveCap).toMatchObject({ status: 400, body: { code: 'BIDDING.QUOTE_ABOVE_CAP', field: 'quote.amountFen' } });
      expect(JSON.stringify(aboveCap.body)).not.toContain('8000001');
      const wrongForm = await call('POST', `/api/bidding/biddings/${id}/bids`, { token: agencyToken(3), caller: 'agency-3', body: { ...bid, quote: { form: 'DISCOUNT_RATE', rate: 0.1 } } });
      expect(wrongForm.body).toMatchObject({ code: 'BIDDING.WRONG_QUOTE_FORM', field: 'quote.form' });

      expect((await call('POST', `/api/bidding/biddings/${id}/bids`, { body: bid })).status).toBe(401);
      for (const who of [token('OWNER', 'owner-org-1'), token('SUPERVISOR'), token('ADMIN')]) {
        expect((await call('POST', `/api/bidding/biddings/${id}/bids`, { token: who, caller: 'not-an-agency', body: bid })).status).toBe(403);
      }
      expect((await call('POST', `/api/bidding/biddings/${id}/bids`, { token: agencyToken(6), caller: 'agency-6', body: bid })).body).toMatchObject({ code: 'BIDDING.NO_VALID_QUALIFICATION' });
      expect((await call('POST', `/api/bidding/biddings/${id}/bids`, { token: agencyToken(7), caller: 'agency-7', body: bid })).body).toMatchObject({ code: 'BIDDING.AGENCY_NOT_ACTIVE' });
      expect((await call('POST', `/api/bidding/biddings/00000000-0000-4000-8000-000000000000/bids`, { token: agencyToken(3), caller: 'agency-3', body: bid })).status).toBe(404);
    });

    it('takes sealed bids: a receipt with the commitment, never the price; a retried request lands once', async () => {
      const first = await call('POST', `/api/bidding/biddings/${id}/bids`, {
        token: agencyToken(1), caller: 'agency-1', body: { quote: amount(prices.tied), servicePeriodDays: 30, note: '按期完成' }, headers: { 'Idempotency-Key': 'a1-bid-1' },
      });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ biddingId: id, agencyId: 'agency-1', acceptedAt: clock.now().toISOString(), replacedCommitment: null });
      // The receipt lets the agency check its commitment: the same canonical bid and salt give the same hash.
      expect(first.body.commitment).toBe(
        bidCommitment({ biddingId: id, agencyId: 'agency-1', quote: { form: 'AMOUNT', amountFen: prices.tied }, servicePeriodDays: 30, note: '按期完成' }, first.body.salt),
      );
      const retried = await call('POST', `/api/bidding/biddings/${id}/bids`, {
        token: agencyToken(1), caller: 'agency-1', body: { quote: amount(prices.tied), servicePeriodDays: 30, note: '按期完成' }, headers: { 'Idempotency-Key': 'a1-bid-1' },
      });
      expect(retried.body).toEqual(first.body);
      const second = await call('POST', `/api/bidding/biddings/${id}/bids`, { token: agencyToken(1), caller: 'agency-1', body: { quote: amount(prices.tied), servicePeriodDays: 30 } });
      expect(second).toMatchObject({ status: 409, body: { code: 'BIDDING.ALREADY_BID' } });

      clock.advance(60_000);
      expect((await call('POST', `/api/bidding/biddings/${id}/bids`, { token: agencyToken(2), caller: 'agency-2', body: { quote: amount(prices.replacedAway), servicePeriodDays: 20 } })).status).toBe(201);
      clock.advance(1_000);
      expect((await call('POST', `/api/bidding/biddings/${id}/bids`, { token: agencyToken(3), caller: 'agency-3', body: { quote: amount(prices.third), servicePeriodDays: 25 } })).status).toBe(201);
      clock.advance(1_000);
      expect((await call('POST', `/api/bidding/biddings/${id}/bids`, { token: agencyToken(4), caller: 'agency-4', body: { quote: amount(prices.withdrawn), servicePeriodDays: 25 } })).status).toBe(201);
      const submitted = (await outbox()).filter((e) => e.type === 'bidding.BidSubmitted');
      expect(submitted.map((e) => e.payload.agencyId)).toEqual(['agency-1', 'agency-2', 'agency-3', 'agency-4']);
    });

    it('lets an agency replace or withdraw only its own bid, before the deadline, on the record', async () => {
      clock.advance(60_000);
      const replaced = await call('PUT', `/api/bidding/biddings/${id}/bids/mine`, { token: agencyToken(2), caller: 'agency-2', body: { quote: amount(prices.tied), servicePeriodDays: 20 } });
      expect(replaced).toMatchObject({ status: 200, body: { agencyId: 'agency-2' } });
      expect(replaced.body.replacedCommitment).toMatch(/^[0-9a-f]{64}$/);
      expect((await call('DELETE', `/api/bidding/biddings/${id}/bids/mine`, { token: agencyToken(4), caller: 'agency-4' })).status).toBe(200);

      // Another agency has no handle on these bids: "mine" is always the caller's own.
      expect((await call('DELETE', `/api/bidding/biddings/${id}/bids/mine`, { token: agencyToken(5), caller: 'agency-5' })).body).toMatchObject({ code: 'BIDDING.NO_LIVE_BID' });
      expect((await call('PUT', `/api/bidding/biddings/${id}/bids/mine`, { token: agencyToken(5), caller: 'agency-5', body: { quote: amount(1_000_000), servicePeriodDays: 9 } })).body).toMatchObject({
        code: 'BIDDING.NO_LIVE_BID',
      });
      expect((await call('GET', `/api/bidding/biddings/${id}/bids/mine`, { token: agencyToken(5), caller: 'agency-5' })).body).toEqual([]);
      for (const who of [token('OWNER', 'owner-org-1'), token('SUPERVISOR'), token('ADMIN')]) {
        expect((await call('GET', `/api/bidding/biddings/${id}/bids/mine`, { token: who, caller: 'not-an-agency' })).status).toBe(403);
        expect((await call('DELETE', `/api/bidding/biddings/${id}/bids/mine`, { token: who, caller: 'not-an-agency' })).status).toBe(403);
      }
      // The agency's own view: its history, contents and salts (the one reader of a sealed bid before the close).
      const own = (await raw('GET', `/api/bidding/biddings/${id}/bids/mine`, { token: agencyToken(2) })).body;
      expect(own.map((b: { status: string; bid: { quote: unknown } }) => [b.status, b.bid.quote])).toEqual([
        ['REPLACED', amount(prices.replacedAway)],
        ['LIVE', amount(prices.tied)],
      ]);
      expect(JSON.stringify(own)).not.toContain(String(prices.third));
      expect((await outbox()).map((e) => e.type)).toEqual(expect.arrayContaining(['bidding.BidReplaced', 'bidding.BidWithdrawn']));
    });

    it('while bids were open, no response to anyone but the bidder itself, no event and no log line carried a price', async () => {
      for (const who of [undefined, token('OWNER', 'owner-org-1'), token('SUPERVISOR'), token('ADMIN'), agencyToken(3)]) {
        await call('GET', `/api/bidding/biddings/${id}`, { token: who, caller: 'reader' });
        await call('GET', `/api/bidding/projects/p-bid-1/biddings`, { token: who, caller: 'reader' });
      }
      const open = (await raw('GET', `/api/bidding/biddings/${id}`)).body;
      expect(open.sealedCommitments).toHaveLength(3);
      expect(open).not.toHaveProperty('closing');

      expect(responses.length).toBeGreaterThan(30);
      // Every response recorded: receipts, refusals and public reads. (An agency reading its own bids is the
      // one exception by design, and those reads went through `raw`, outside this record.)
      expect(responses.filter((r) => carriesAPrice(r.body))).toEqual([]);
      const events = await outbox();
      expect(events.map((e) => e.type).sort()).toEqual([
        'bidding.BidReplaced', 'bidding.BidSubmitted', 'bidding.BidSubmitted', 'bidding.BidSubmitted', 'bidding.BidSubmitted', 'bidding.BidWithdrawn', 'bidding.BiddingOpened',
      ]);
      expect(events.filter((e) => carriesAPrice(JSON.stringify(e.payload)))).toEqual([]);
      const sealedRows: { sealed: string }[] = await bidding.database.dataSource.query(`SELECT sealed FROM bid`);
      expect(sealedRows.filter((r) => carriesAPrice(r.sealed))).toEqual([]);
      const stored: { response: unknown }[] = await bidding.database.dataSource.query(`SELECT response FROM idempotent_requests`);
      expect(stored.length).toBeGreaterThan(0);
      expect(stored.filter((r) => carriesAPrice(String(r.response)))).toEqual([]);
      expect(logger.lines.length).toBeGreaterThan(0);
      expect(logger.lines.filter(carriesAPrice)).toEqual([]);
    });

    it('refuses a bid 1 ms late and takes one 1 ms early', async () => {
      clock.set(new Date(Date.parse(DEADLINE) - 1));
      expect((await call('POST', `/api/bidding/biddings/${id}/bids`, { token: agencyToken(5), caller: 'agency-5', body: { quote: amount(prices.lastMs), servicePeriodDays: 40 } })).status).toBe(201);
      clock.set(new Date(DEADLINE));
      const late = await call('PUT', `/api/bidding/biddings/${id}/bids/mine`, { token: agencyToken(5), caller: 'agency-5', body: { quote: amount(prices.lastMs), servicePeriodDays: 41 } });
      expect(late).toMatchObject({ status: 409, body: { code: 'BIDDING.DEADLINE_PASSED' } });
      expect((await call('DELETE', `/api/bidding/biddings/${id}/bids/mine`, { token: agencyToken(5), caller: 'agency-5' })).body).toMatchObject({ code: 'BIDDING.DEADLINE_PASSED' });
    });

    it('closes at the deadline once: every live bid revealed against its commitment, a tie at the cut sent to the draw', async () => {
      clock.set(new Date(DEADLINE));
      await bidding.scheduler.runDue();
      await bidding.scheduler.runDue();
      const events = await outbox();
      const closed = events.filter((e) => e.type === 'bidding.BiddingClosed');
      expect(closed).toHaveLength(1);
      const table = closed[0].payload;
      expect(table.revealed.map((r: { agencyId: string; priceFen: number }) => [r.agencyId, r.priceFen])).toEqual([
        ['agency-1', prices.tied],
        ['agency-3', prices.third],
        ['agency-2', prices.tied],
        ['agency-5', prices.lastMs],
      ]);
      for (const r of table.revealed) {
        expect(bidCommitment({ biddingId: id, agencyId: r.agencyId, quote: r.quote, servicePeriodDays: r.servicePeriodDays, note: r.note }, r.salt)).toBe(r.commitment);
      }
      expect(table.ranking.map((r: { agencyId: string; position: number }) => [r.agencyId, r.position])).toEqual([
        ['agency-1', 1],
        ['agency-2', 1],
        ['agency-3', 3],
        ['agency-5', 4],
      ]);
      expect(table.tiedGroups).toEqual([{ position: 1, agencyIds: ['agency-1', 'agency-2'], seatsAtStake: 1 }]);
      const tieBreak = events.filter((e) => e.type === 'bidding.TieBreakRequested');
      expect(tieBreak.map((e) => e.payload)).toEqual([
        { biddingId: id, projectId: 'p-bid-1', round: 1, ownerOrganizationId: 'owner-org-1', position: 1, agencyIds: ['agency-1', 'agency-2'], witnesses: ['OWNER', 'SUPERVISOR'] },
      ]);
      expect(events.filter((e) => e.type === 'bidding.BiddingDecided')).toHaveLength(0);
      const after = (await raw('GET', `/api/bidding/biddings/${id}`)).body;
      expect(after).toMatchObject({ status: 'TIE_BREAK', closedAt: DEADLINE, pendingTies: [{ position: 1 }] });
      expect(after.submissions.map((s: { agencyId: string; status: string }) => `${s.agencyId}:${s.status}`)).toEqual([
        'agency-1:LIVE', 'agency-2:REPLACED', 'agency-3:LIVE', 'agency-4:WITHDRAWN', 'agency-2:LIVE', 'agency-5:LIVE',
      ]);
    });

    it('takes the tie-break draw’s order and sends the ranked bids to projects', async () => {
      const draw = (drawId: string, winners: string[], alternates: string[], tieBreak: { biddingId: string; position: number } | null, purpose: 'SELECTION' | 'TIE_BREAK') => ({
        drawId, projectId: 'p-bid-1', round: 1, poolSize: 2, secret: 'a'.repeat(64), seed: 'b'.repeat(64), winners, alternates, entropySource: 'witnesses' as const,
        witnessValues: [], drandRound: null, drandSignature: null, drandRandomness: null, purpose, tieBreak,
      });
      // A selection draw, or a tie-break for another position, changes nothing here.
      await deliver(DrawRevealedV1, 'd-0', draw('d-0', ['agency-1'], ['agency-2'], null, 'SELECTION'));
      await deliver(DrawRevealedV1, 'd-9', draw('d-9', ['agency-1'], ['agency-2'], { biddingId: id, position: 3 }, 'TIE_BREAK'));
      expect((await biddingOf('p-bid-1')).status).toBe('TIE_BREAK');

      await deliver(DrawRevealedV1, 'd-1', draw('d-1', ['agency-2'], ['agency-1'], { biddingId: id, position: 1 }, 'TIE_BREAK'));
      await deliver(DrawRevealedV1, 'd-1', draw('d-1', ['agency-2'], ['agency-1'], { biddingId: id, position: 1 }, 'TIE_BREAK'));
      const decided = (await outbox()).filter((e) => e.type === 'bidding.BiddingDecided');
      expect(decided).toHaveLength(1);
      expect(decided[0].payload).toMatchObject({
        biddingId: id, projectId: 'p-bid-1', round: 1, outcome: 'SELECTED', validBidCount: 4, tieBreakDrawIds: ['d-1'], failure: null,
        rankedBids: [
          { agencyId: 'agency-2', quote: amount(prices.tied), priceFen: prices.tied },
          { agencyId: 'agency-1', quote: amount(prices.tied), priceFen: prices.tied },
          { agencyId: 'agency-3', quote: amount(prices.third), priceFen: prices.third },
          { agencyId: 'agency-5', quote: amount(prices.lastMs), priceFen: prices.lastMs },
        ],
      });
      expect(await biddingOf('p-bid-1')).toMatchObject({ status: 'DECIDED', tieBreakDrawIds: ['d-1'], ranking: [{ agencyId: 'agency-2', position: 1 }, { agencyId: 'agency-1', position: 2 }, {}, {}] });
    });
  });

  it('admits only agencies that signed up, where the project required sign-up', async () => {
    clock.set(new Date('2026-04-01T03:00:00.000Z'));
    await deliver(SelectionRequestedV1, 'p-bid-2', selectionRequest('p-bid-2', { signedUpAgencyIds: ['agency-1', 'agency-2'] }));
    const { biddingId } = await biddingOf('p-bid-2');
    const bid = { quote: amount(5_000_000), servicePeriodDays: 30 };
    expect((await raw('POST', `/api/bidding/biddings/${biddingId}/bids`, { token: agencyToken(3), body: bid })).body).toMatchObject({ code: 'BIDDING.NOT_SIGNED_UP' });
    expect((await raw('POST', `/api/bidding/biddings/${biddingId}/bids`, { token: agencyToken(1), body: bid })).status).toBe(201);
  });

  it('fails a round with too few valid bids (流标) at its deadline', async () => {
    clock.set(new Date('2026-05-01T00:00:00.000Z'));
    const deadline = '2026-05-02T00:00:00.000Z';
    await deliver(SelectionRequestedV1, 'p-bid-3', selectionRequest('p-bid-3', { eligibleOn: '2026-05-01' }, { deadline }));
    const { biddingId } = await biddingOf('p-bid-3');
    for (const i of [1, 2]) expect((await raw('POST', `/api/bidding/biddings/${biddingId}/bids`, { token: agencyToken(i), body: { quote: amount(4_000_000 + i), servicePeriodDays: 30 } })).status).toBe(201);
    clock.set(new Date(deadline));
    await bidding.scheduler.runDue();
    const decided = (await outbox()).filter((e) => e.type === 'bidding.BiddingDecided' && e.payload.projectId === 'p-bid-3');
    expect(decided.map((e) => e.payload)).toEqual([
      expect.objectContaining({ outcome: 'FAILED', validBidCount: 2, rankedBids: [], failure: { reason: 'TOO_FEW_VALID_BIDS', required: 3, actual: 2 } }),
    ]);
    expect(await biddingOf('p-bid-3')).toMatchObject({ status: 'FAILED' });
  });

  it('prices discount rates against the catalog’s standard fee, and leaves a round without one void until its deadline', async () => {
    clock.set(new Date('2026-06-01T00:00:00.000Z'));
    const deadline = '2026-06-03T00:00:00.000Z';
    const discount = { quoteForm: 'DISCOUNT_RATE' as const, deadline, capFen: 900_000 };
    await deliver(SelectionRequestedV1, 'p-bid-4', selectionRequest('p-bid-4', { eligibleOn: '2026-06-01' }, discount));
    const voided = await biddingOf('p-bid-4');
    expect(voided).toMatchObject({ status: 'VOID', voidReason: 'BIDDING.INVALID_RULES' });
    expect((await raw('POST', `/api/bidding/biddings/${voided.biddingId}/bids`, { token: agencyToken(1), body: { quote: { form: 'DISCOUNT_RATE', rate: 0.1 }, servicePeriodDays: 9 } })).body).toMatchObject({
      code: 'BIDDING.ROUND_VOID',
    });

    await deliver(ServiceItemPublishedV1, ITEM, {
      code: ITEM, categoryCode: 'COST', categoryNameZhCN: '造价', categoryNameEn: 'Cost', nameZhCN: '造价咨询', nameEn: 'Cost consulting', contentZhCN: '内容', contentEn: 'Content',
      legalBasis: '依据', timeLimitWorkingDays: 20, processStepsZhCN: ['受理'], processStepsEn: ['Accept'], feeBasisZhCN: '标准', feeBasisEn: 'Standard', standardFeeFen: 1_000_000,
      qualificationType: 'COST', minimumLevel: 2, version: 1, reason: 'published', effectiveDate: '2026-01-01', catalogRevision: 1,
    } as ServiceItemPublishedV1);
    await deliver(SelectionRequestedV1, 'p-bid-5', selectionRequest('p-bid-5', { eligibleOn: '2026-06-01' }, discount));
    const priced = await biddingOf('p-bid-5');
    expect(priced).toMatchObject({ status: 'OPEN', rules: { standardFeeFen: 1_000_000 } });
    // 5 % off 1 000 000 fen is 950 000 fen: above the 900 000 cap. 15 % off is within it.
    expect((await raw('POST', `/api/bidding/biddings/${priced.biddingId}/bids`, { token: agencyToken(1), body: { quote: { form: 'DISCOUNT_RATE', rate: 0.05 }, servicePeriodDays: 9 } })).body).toMatchObject({
      code: 'BIDDING.QUOTE_ABOVE_CAP', field: 'quote.rate',
    });
    expect((await raw('POST', `/api/bidding/biddings/${priced.biddingId}/bids`, { token: agencyToken(1), body: { quote: { form: 'DISCOUNT_RATE', rate: 0.12345 }, servicePeriodDays: 9 } })).body).toMatchObject({
      field: 'quote.rate',
    });
    expect((await raw('POST', `/api/bidding/biddings/${priced.biddingId}/bids`, { token: agencyToken(1), body: { quote: { form: 'DISCOUNT_RATE', rate: 0.15 }, servicePeriodDays: 9 } })).status).toBe(201);

    clock.set(new Date(deadline));
    await bidding.scheduler.runDue();
    const failedVoid = (await outbox()).filter((e) => e.type === 'bidding.BiddingDecided' && e.payload.projectId === 'p-bid-4');
    expect(failedVoid.map((e) => e.payload)).toEqual([expect.objectContaining({ outcome: 'FAILED', validBidCount: 0, failure: { reason: 'BIDDING.INVALID_RULES', required: 3, actual: 0 } })]);
    const closed = (await outbox()).find((e) => e.type === 'bidding.BiddingClosed' && e.payload.projectId === 'p-bid-5');
    expect(closed?.payload.revealed).toEqual([expect.objectContaining({ agencyId: 'agency-1', quote: { form: 'DISCOUNT_RATE', rate: 0.15 }, priceFen: 850_000, invalidReason: null })]);
  });
  it('sets aside at the close the bid of an agency suspended after it bid', async () => {
    clock.set(new Date('2026-07-01T00:00:00.000Z'));
    const deadline = '2026-07-02T00:00:00.000Z';
    await deliver(SelectionRequestedV1, 'p-bid-6', selectionRequest('p-bid-6', { eligibleOn: '2026-07-01' }, { deadline, minimumValidBids: 2 }));
    const { biddingId } = await biddingOf('p-bid-6');
    for (const i of [1, 2, 3]) expect((await raw('POST', `/api/bidding/biddings/${biddingId}/bids`, { token: agencyToken(i), body: { quote: amount(3_000_000 + i), servicePeriodDays: 30 } })).status).toBe(201);
    await deliver(AgencyStatusChangedV1, 'agency-1', { agencyId: 'agency-1', from: 'ACTIVE', to: 'SUSPENDED', reason: '违规', sequence: 2 });
    clock.set(new Date(deadline));
    await bidding.scheduler.runDue();
    const round = await biddingOf('p-bid-6');
    const byAgency = (a: { agencyId: string }, b: { agencyId: string }) => a.agencyId.localeCompare(b.agencyId);
    expect([...round.closing.revealed].sort(byAgency).map((r: { agencyId: string; invalidReason: string | null }) => [r.agencyId, r.invalidReason])).toEqual([
      ['agency-1', 'BIDDER_NOT_ELIGIBLE'],
      ['agency-2', null],
      ['agency-3', null],
    ]);
    expect(round).toMatchObject({ status: 'DECIDED', ranking: [{ agencyId: 'agency-2' }, { agencyId: 'agency-3' }] });
  });
  it('refuses a bid from a qualified firm that no longer offers the item', async () => {
    clock.set(new Date('2026-08-01T00:00:00.000Z'));
    await deliver(AgencyRegisteredV1, 'agency-8', { agencyId: 'agency-8', name: '机构8', creditCode: '91350100M000100Y43', region: '350100' });
    await deliver(AgencyStatusChangedV1, 'agency-8', { agencyId: 'agency-8', from: 'PENDING', to: 'ACTIVE', reason: '', sequence: 1 });
    await deliver(AgencyQualificationGrantedV1, 'agency-8', { agencyId: 'agency-8', qualificationId: 'q-8', serviceItemCode: ITEM, level: 2, validFrom: '2026-01-01', validUntil: '2027-12-31' });
    await deliver(AgencyServiceItemsChangedV1, 'agency-8', { agencyId: 'agency-8', serviceItems: ['EIA-REPORT'], added: [], removed: [ITEM], sequence: 2 });
    // An older list arriving late changes nothing.
    await deliver(AgencyServiceItemsChangedV1, 'agency-8', { agencyId: 'agency-8', serviceItems: [ITEM], added: [ITEM], removed: [], sequence: 1 });
    await deliver(SelectionRequestedV1, 'p-bid-7', selectionRequest('p-bid-7', { eligibleOn: '2026-08-01' }, { deadline: '2026-08-02T00:00:00.000Z' }));
    const { biddingId } = await biddingOf('p-bid-7');
    expect((await raw('POST', `/api/bidding/biddings/${biddingId}/bids`, { token: agencyToken(8), body: { quote: amount(3_000_000), servicePeriodDays: 30 } })).body).toMatchObject({
      code: 'BIDDING.ITEM_NOT_OFFERED',
    });
  });
});
