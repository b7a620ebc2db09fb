import { randomUUID } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import seedrandom from 'seedrandom';
import { DRAW_TOPIC } from '@mkt/draw/contracts';
import { PROJECT_TOPIC } from '@mkt/projects/contracts';
import { AGENCY_TOPIC } from '@mkt/registry/contracts';
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

const UNIFORM = 'draw/v1;sha256;jcs;seedrandom@3.0.5/arc4;int32-rejection;fisher-yates-partial';

function envelope(topic: string, aggregateId: string, type: string, payload: Record<string, unknown>) {
  const id = randomUUID();
  return { topic, key: aggregateId, value: JSON.stringify({ id, type, version: 1, occurredAt: new Date().toISOString(), producer: type.split('.')[0], aggregateId, correlationId: id, causationId: null, payload }) };
}

/** Raw events as the services publish them; only the fields fairness reads matter here. */
function drawEvents(drawId: string, pool: string[], winner: string, signedUp: string[] | null = null) {
  const projectId = `p-${drawId}`;
  return [
    ...(signedUp ? [envelope(PROJECT_TOPIC, projectId, 'projects.SelectionRequested', { projectId, round: 1, method: 'RANDOM_DRAW', serviceItemCode: 'EIA', signedUpAgencyIds: signedUp })] : []),
    envelope(DRAW_TOPIC, drawId, 'draw.DrawCommitted', { drawId, projectId, round: 1, algorithm: UNIFORM, k: 1, m: 0, pool, purpose: 'SELECTION', tieBreak: null }),
    envelope(DRAW_TOPIC, drawId, 'draw.DrawRevealed', { drawId, projectId, round: 1, winners: [winner], purpose: 'SELECTION', tieBreak: null }),
  ];
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
    expect(fair).toMatchObject({ status: 200, body: { draws: 400, weightedDraws: 0, weightedDrawsLeftOut: 0, alpha: 0.01, flags: [] } });

    await record(400, 'biased', (pool, rng) => (pool.includes('agency-05') && rng() < 0.25 ? 'agency-05' : pool[Math.floor(rng() * pool.length)]));
    const biased = await call('GET', '/api/audit/fairness', { token: supervisor });
    expect(biased.body.draws).toBe(800);
    const flagged = biased.body.flags.filter((f: { agencyId: string | null }) => f.agencyId !== null);
    expect(flagged.map((f: { agencyId: string }) => f.agencyId)).toEqual(['agency-05']);
    expect(flagged[0].evidence.wins).toBeGreaterThan(flagged[0].evidence.expected);
  });

  it('tests sign-up order and region once the log carries them, and flags a planted dependence with its evidence', async () => {
    // A fresh market: 12 firms in three cities, registered before any of their draws.
    const firms = Array.from({ length: 12 }, (_, i) => `firm-${String(i + 1).padStart(2, '0')}`);
    const cities = ['330100', '330206', '330300'];
    await audit.inbox.deliverAll(firms.map((id, i) => envelope(AGENCY_TOPIC, id, 'registry.AgencyRegistered', { agencyId: id, name: id, creditCode: 'x', region: cities[i % 3] })));
    const rng = seedrandom('signed-up');
    const messages = [];
    for (let d = 0; d < 300; d++) {
      const signedUp = [...firms].sort(() => rng() - 0.5).slice(0, 6 + Math.floor(rng() * 6));
      const pool = [...signedUp].sort();
      // Planted: in a quarter of the draws the first firm to sign up wins (the 2012 visa lottery's flaw).
      const winner = rng() < 0.25 ? signedUp[0] : pool[Math.floor(rng() * pool.length)];
      messages.push(...drawEvents(`s-${d}`, pool, winner, signedUp));
    }
    await audit.inbox.deliverAll(messages);

    const { status, body } = await call('GET', '/api/audit/fairness', { token: supervisor });
    expect(status).toBe(200);
    const names = (list: { name: string }[]) => list.map((t) => t.name);
    expect(names(body.tests)).toEqual(expect.arrayContaining(['sign-up-order', 'region', 'win-concentration']));
    expect(names(body.notRun)).toEqual(expect.arrayContaining(['qualification-grade']));
    const signUp = body.flags.find((f: { name: string }) => f.name === 'sign-up-order');
    expect(signUp).toMatchObject({ agencyId: null, evidence: { draws: 300 } });
    expect(signUp.groups[0].group).toBe('quintile 1');
    expect(signUp.groups[0].observed).toBeGreaterThan(1.5 * signUp.groups[0].expected);
    // District 330206 belongs to the city 330200; the firms' cities were not favoured.
    const region = body.tests.find((t: { name: string }) => t.name === 'region');
    expect(region.groups.map((g: { group: string }) => g.group)).toEqual(['330100', '330200', '330300']);
    expect(names(body.flags)).not.toContain('region');
  });
});
