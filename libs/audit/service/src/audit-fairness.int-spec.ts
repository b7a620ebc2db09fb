import { randomUUID } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import seedrandom from 'seedrandom';
import { DRAW_TOPIC } from '@mkt/draw/contracts';
import { AuthModule } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp } from '@mkt/shared/http';
import { MessagingModule, MessagingRuntime, type ServicePlatform } from '@mkt/shared/messaging';
import { jsonClient } from '@mkt/shared/testing';
import { AuditModule } from './audit.module';

/** Fairness analytics over the draws the log recorded: commitments give the pools, reveals the winners. */
const secret = 'audit-fairness-spec-secret-0123456789abcd';

@Module({
  imports: [
    MessagingModule.forRoot({ transport: { kind: 'in-process' } }),
    AuthModule.forRoot({ secret }),
    AuditModule.forRoot({ database: { kind: 'pglite', dataDir: 'memory://' }, log: { origin: 'audit.test/fairness', signingKey: null, checkpointIntervalMs: 60_000 } }),
  ],
})
class FairnessSpecRoot {}

const agencies = Array.from({ length: 12 }, (_, i) => `agency-${String(i + 1).padStart(2, '0')}`);

/** Raw draw events as the draw service publishes them; only the fields fairness reads matter here. */
function drawEvents(drawId: string, pool: string[], winner: string) {
  const envelope = (type: string, payload: Record<string, unknown>) => {
    const id = randomUUID();
    return { topic: DRAW_TOPIC, key: drawId, value: JSON.stringify({ id, type, version: 1, occurredAt: new Date().toISOString(), producer: 'draw', aggregateId: drawId, correlationId: id, causationId: null, payload }) };
  };
  return [envelope('draw.DrawCommitted', { drawId, projectId: `p-${drawId}`, pool }), envelope('draw.DrawRevealed', { drawId, projectId: `p-${drawId}`, winners: [winner] })];
}

describe('GET /api/audit/fairness', () => {
  let app: INestApplication;
  let base: string;
  let audit: ServicePlatform;
  const call = jsonClient(() => base);
  const supervisor = issueTestToken(secret, { userId: 's', role: 'SUPERVISOR', organizationId: null });

  beforeAll(async () => {
    app = await createHttpApp(FairnessSpecRoot, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    audit = app.get(MessagingRuntime).platform('audit') as ServicePlatform;
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  async function record(count: number, seed: string, pick: (pool: string[], rng: () => number) => string): Promise<void> {
    const rng = seedrandom(seed);
    const messages = [];
    for (let d = 0; d < count; d++) {
      const pool = agencies.filter(() => rng() < 0.8).sort();
      if (pool.length === 0) continue;
      messages.push(...drawEvents(`${seed}-${d}`, pool, pick(pool, rng)));
    }
    await audit.inbox.deliverAll(messages);
  }

  it('is for supervisors only', async () => {
    expect(await call('GET', '/api/audit/fairness')).toMatchObject({ status: 401 });
    expect(await call('GET', '/api/audit/fairness', { token: issueTestToken(secret, { userId: 'a', role: 'AGENCY', organizationId: 'agency-01' }) })).toMatchObject({ status: 403 });
  });

  it('finds nothing to flag in a fair history, and flags a planted favourite with the evidence', async () => {
    await record(400, 'fair', (pool, rng) => pool[Math.floor(rng() * pool.length)]);
    const fair = await call('GET', '/api/audit/fairness', { token: supervisor });
    expect(fair).toMatchObject({ status: 200, body: { draws: 400, alpha: 0.01, flags: [] } });

    await record(400, 'biased', (pool, rng) => (pool.includes('agency-05') && rng() < 0.25 ? 'agency-05' : pool[Math.floor(rng() * pool.length)]));
    const biased = await call('GET', '/api/audit/fairness', { token: supervisor });
    expect(biased.body.draws).toBe(800);
    const flagged = biased.body.flags.filter((f: { agencyId: string | null }) => f.agencyId !== null);
    expect(flagged.map((f: { agencyId: string }) => f.agencyId)).toEqual(['agency-05']);
    expect(flagged[0].evidence.wins).toBeGreaterThan(flagged[0].evidence.expected);
  });
});
