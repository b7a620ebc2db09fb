import { Module, type INestApplication } from '@nestjs/common';
import { AgencyCreditChangedV1, AgencyQualificationGrantedV1, AgencyRegisteredV1, AgencyStatusChangedV1 } from '@mkt/registry/contracts';
import { AuthModule } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp, responseCheckOf } from '@mkt/shared/http';
import { MessagingModule, MessagingRuntime, type ServicePlatform } from '@mkt/shared/messaging';
import { eventMessage, FixedClock, jsonClient } from '@mkt/shared/testing';
import { DrawModule } from './draw.module';

/**
 * The pool preview an owner reads before posting: the eligibility screen the freeze applies and, for a credit-weighted
 * draw, the threshold and today's weights as the freeze would compute them.
 */
const secret = 'draw-pool-preview-spec-secret-0123456789';
const ITEM = 'EIA-REPORT';
const clock = new FixedClock(new Date('2026-06-01T02:00:00.000Z'));
const owner = issueTestToken(secret, { userId: 'OWNER-preview', role: 'OWNER', organizationId: 'owner-preview' });

@Module({
  imports: [
    MessagingModule.forRoot({ transport: { kind: 'in-process' }, clock }),
    AuthModule.forRoot({ secret }),
    DrawModule.forRoot({ database: { kind: 'pglite', dataDir: 'memory://' } }),
  ],
})
class PoolPreviewSpecRoot {}

describe('draw service: the pool preview, uniform and credit-weighted', () => {
  let app: INestApplication;
  let base: string;
  const call = jsonClient(() => base);
  const preview = (extra = '') => call('GET', `/api/draw/pool-preview?serviceItemCode=${ITEM}&requiredLevel=2&on=2026-06-01${extra}`, { token: owner });

  beforeAll(async () => {
    app = await createHttpApp(PoolPreviewSpecRoot, { logger: false, checkResponses: true });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    const draw = app.get(MessagingRuntime).platform('draw') as ServicePlatform;
    const deliver = <P>(contract: Parameters<typeof eventMessage<P>>[0], key: string, payload: P) => draw.inbox.deliver(eventMessage(contract, key, payload));
    for (let i = 1; i <= 4; i++) {
      const agencyId = `agency-${i}`;
      await deliver(AgencyRegisteredV1, agencyId, { agencyId, name: `机构${i}`, creditCode: '91350100M000100Y43', region: '350100' });
      await deliver(AgencyStatusChangedV1, agencyId, { agencyId, from: 'PENDING', to: i === 4 ? 'SUSPENDED' : 'ACTIVE', reason: '', sequence: 1 });
      await deliver(AgencyQualificationGrantedV1, agencyId, { agencyId, qualificationId: `q-${i}`, serviceItemCode: ITEM, level: 2, validFrom: '2026-01-01', validUntil: '2027-12-31' });
    }
    // agency-1 has no credit entry (it counts as 80); agency-2 stands at 95, agency-3 at 55.
    await deliver(AgencyCreditChangedV1, 'agency-2', { agencyId: 'agency-2', sequence: 1, cause: 'QUALITY_EVALUATION', projectId: 'x-1', points: 4, delta: 15, score: 95, formulaVersion: 'credit/v1' });
    await deliver(AgencyCreditChangedV1, 'agency-3', { agencyId: 'agency-3', sequence: 1, cause: 'MISCONDUCT_BREACH_OF_CONTRACT', projectId: 'x-2', points: -25, delta: -25, score: 55, formulaVersion: 'credit/v1' });
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  it('previews a uniform draw without weights', async () => {
    const { status, body } = await preview();
    expect(status).toBe(200);
    expect(body).toEqual({ pool: ['agency-1', 'agency-2', 'agency-3'], excluded: [{ agencyId: 'agency-4', reason: 'NOT_ACTIVE' }] });
  });

  it('drops firms below the threshold and weighs the rest by the published function, as the freeze would', async () => {
    const { status, body } = await preview('&minimumCreditScore=60&weightFunction=credit-linear/v1');
    expect(status).toBe(200);
    expect(body).toEqual({
      pool: ['agency-1', 'agency-2'],
      excluded: [{ agencyId: 'agency-4', reason: 'NOT_ACTIVE' }, { agencyId: 'agency-3', reason: 'CREDIT_BELOW_THRESHOLD' }],
      weights: [{ id: 'agency-1', weight: 81 }, { id: 'agency-2', weight: 96 }],
    });
  });

  it.each([
    ['an unpublished weight function', '&minimumCreditScore=60&weightFunction=credit-square/v9', 'weightFunction'],
    ['a threshold without a function', '&minimumCreditScore=60', 'weightFunction'],
    ['a function without a threshold', '&weightFunction=credit-linear/v1', 'minimumCreditScore'],
    ['a threshold above 100', '&minimumCreditScore=101&weightFunction=credit-linear/v1', 'minimumCreditScore'],
  ])('refuses %s with a 400 naming the field', async (_, extra, field) => {
    expect(await preview(extra)).toMatchObject({ status: 400, body: { field } });
  });

  it('answered as the route declares it', () => {
    const { checked, violations } = responseCheckOf(app);
    expect(violations).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});
