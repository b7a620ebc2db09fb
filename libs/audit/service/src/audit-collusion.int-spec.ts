import { randomUUID } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import seedrandom from 'seedrandom';
import { BIDDING_TOPIC } from '@mkt/bidding/contracts';
import { PROJECT_TOPIC } from '@mkt/projects/contracts';
import { AuthModule } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp } from '@mkt/shared/http';
import { MessagingModule, MessagingRuntime, type ServicePlatform } from '@mkt/shared/messaging';
import { jsonClient } from '@mkt/shared/testing';
import { AuditModule } from './audit.module';

/**
 * Collusion analytics over what the log recorded: 80 closed bidding rounds and their awards, with two firms that
 * quote identically in three rounds and one that wins and declines whenever it bids. Only supervisors may read it.
 */
const secret = 'audit-collusion-spec-secret-0123456789abcd';

@Module({
  imports: [
    MessagingModule.forRoot({ transport: { kind: 'in-process' } }),
    AuthModule.forRoot({ secret }),
    AuditModule.forRoot({ database: { kind: 'pglite', dataDir: 'memory://' }, log: { origin: 'audit.test/collusion', signingKey: null, checkpointIntervalMs: 60_000 } }),
  ],
})
class CollusionSpecRoot {}

const AGENCIES = Array.from({ length: 8 }, (_, i) => `ag-${i + 1}`);

function envelope(topic: string, type: string, aggregateId: string, payload: Record<string, unknown>) {
  const id = randomUUID();
  return { topic, key: aggregateId, value: JSON.stringify({ id, type, version: 1, occurredAt: new Date().toISOString(), producer: topic.split('.')[0], aggregateId, correlationId: id, causationId: null, payload }) };
}

function biddingHistory(rounds: number) {
  const rng = seedrandom('collusion-int');
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const messages = [];
  for (let r = 0; r < rounds; r++) {
    const biddingId = `bidding-${r}`;
    const projectId = `project-${r}`;
    const bidders = AGENCIES.filter((a) => a === 'ag-1' || a === 'ag-2' || rng() < 0.5);
    const prices = bidders.map(() => Math.round(1_000_000 * Math.exp(Math.log(0.85) + 0.08 * normal())));
    // ag-1 and ag-2 bid in every round; in three of them their quotes are the same to the fen.
    if ([5, 25, 45].includes(r)) prices[1] = prices[0];
    // ag-8 undercuts everyone whenever it bids, then declines.
    if (bidders.includes('ag-8')) prices[bidders.indexOf('ag-8')] = Math.min(...prices) - 1000;
    messages.push(envelope(BIDDING_TOPIC, 'bidding.BiddingOpened', biddingId, { biddingId, projectId, serviceItemCode: 'SURVEY', quoteForm: 'AMOUNT', standardFeeFen: null }));
    messages.push(envelope(BIDDING_TOPIC, 'bidding.BiddingClosed', biddingId, { biddingId, projectId, revealed: bidders.map((agencyId, i) => ({ agencyId, priceFen: prices[i], invalidReason: null })) }));
    const ranked = bidders.map((agencyId, i) => ({ agencyId, priceFen: prices[i] })).sort((a, b) => a.priceFen - b.priceFen);
    messages.push(envelope(PROJECT_TOPIC, 'projects.ProjectAwarded', projectId, { projectId, round: 1, winners: [{ agencyId: ranked[0].agencyId }] }));
    if (ranked[0].agencyId === 'ag-8') {
      messages.push(envelope(PROJECT_TOPIC, 'projects.AwardDeclined', projectId, { projectId, round: 1, agencyId: 'ag-8', cause: 'DECLINED', reason: '' }));
      messages.push(envelope(PROJECT_TOPIC, 'projects.ProjectAwarded', projectId, { projectId, round: 1, winners: [{ agencyId: ranked[1].agencyId }] }));
    }
  }
  return messages;
}

describe('GET /api/audit/collusion', () => {
  let app: INestApplication;
  let base: string;
  const call = jsonClient(() => base);
  const token = (role: 'SUPERVISOR' | 'OWNER' | 'AGENCY' | 'ADMIN', org: string | null = null) => issueTestToken(secret, { userId: role, role, organizationId: org });

  beforeAll(async () => {
    app = await createHttpApp(CollusionSpecRoot, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    await (app.get(MessagingRuntime).platform('audit') as ServicePlatform).inbox.deliverAll(biddingHistory(80));
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  it('is for supervisors only', async () => {
    expect(await call('GET', '/api/audit/collusion')).toMatchObject({ status: 401 });
    for (const caller of [token('AGENCY', 'ag-1'), token('OWNER', 'owner-a'), token('ADMIN')]) {
      expect(await call('GET', '/api/audit/collusion', { token: caller })).toMatchObject({ status: 403 });
    }
  });

  it('flags the identical quoters and the serial decliner from the log, with the evidence', async () => {
    const { status, body } = await call('GET', '/api/audit/collusion', { token: token('SUPERVISOR') });
    expect(status).toBe(200);
    expect(body).toMatchObject({ alpha: 0.01, closedRounds: 80 });
    const flags = body.flags as { name: string; agencyIds: string[]; evidence: any }[];
    expect(flags.map((f) => `${f.name}:${f.agencyIds.join('+')}`).sort()).toEqual(['identical-quotes:ag-1+ag-2', 'repeated-declines:ag-8']);
    const identical = flags.find((f) => f.name === 'identical-quotes') as { evidence: { identicalRounds: { biddingId: string }[]; jointRounds: number } } | undefined;
    expect(identical?.evidence.identicalRounds.map((r) => r.biddingId)).toEqual(['bidding-5', 'bidding-25', 'bidding-45']);
    expect(identical?.evidence.jointRounds).toBe(80);
    const declines = flags.find((f) => f.name === 'repeated-declines') as { evidence: { awards: number; declines: number } } | undefined;
    expect(declines?.evidence.declines).toBe(declines?.evidence.awards);
  });
});
