import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import { DrawModule } from '@mkt/draw/service';
import { ProjectsModule } from '@mkt/projects/service';
import { CatalogSeeder, RegistryModule } from '@mkt/registry/service';
import { WebUiModule } from '@mkt/gateway/service';
import { AuthModule } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp } from '@mkt/shared/http';
import { MessagingModule } from '@mkt/shared/messaging';
import { jsonClient, waitFor } from '@mkt/shared/testing';
import { commitDraw, revealDraw } from '@mkt/draw/core';
import { DRAW_V1_VECTORS, expandVectorInputs } from '@mkt/draw/core/testing';
import { buildWebUi, launchChromium, workspaceRoot } from './browser';

/** The public draw verifier page, in a real browser: it re-checks a draw with the same pure code, client-side. */
const secret = 'verify-page-spec-secret-0123456789abcdefgh';
// Credit codes with valid GB 32100 check characters.
const FIRMS = [
  ['西湖测绘有限公司', '91350100M000100Y43'],
  ['钱江勘测设计院', '91330100MA2AEF3G5C'],
  ['运河地理信息有限公司', '91330100MA2CJK5L73'],
] as const;

@Module({})
class VerifyPageRoot {
  static with(staticDir: string): DynamicModule {
    return {
      module: VerifyPageRoot,
      imports: [
        MessagingModule.forRoot({ transport: { kind: 'in-process' } }),
        AuthModule.forRoot({ secret }),
        RegistryModule.forRoot({ database: { kind: 'pglite', dataDir: 'memory://' } }),
        DrawModule.forRoot({ database: { kind: 'pglite', dataDir: 'memory://' } }),
        ProjectsModule.forRoot({ database: { kind: 'pglite', dataDir: 'memory://' } }),
        WebUiModule.forRoot({ staticDir }),
      ],
    };
  }
}

describe('announcements and the verify-a-draw page (browser)', () => {
  let app: INestApplication;
  let base: string;
  let browser: Browser;
  let page: Page;
  let drawId: string;
  let projectId: string;
  const firmNames = new Map<string, string>();
  const call = jsonClient(() => base);

  beforeAll(async () => {
    const staticDir = buildWebUi();
    app = await createHttpApp(VerifyPageRoot.with(staticDir), { logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    // Projects post only for items in the published catalog, which the projects service learns from its events.
    await app.get(CatalogSeeder).seedDemoCatalog();
    await waitFor(() => call('GET', '/api/projects/catalog/items').then((r) => r.body), (items) => Array.isArray(items) && items.some((i: { code: string }) => i.code === 'SURVEY-MAPPING'), { what: 'the catalog in projects' });
    // Three firms through the registry's API; the draw learns of them from its events.
    const admin = issueTestToken(secret, { userId: 'a', role: 'ADMIN', organizationId: null });
    for (const [name, creditCode] of FIRMS) {
      const { body } = await call('POST', '/api/registry/agencies', { token: admin, body: { name, creditCode, region: '330100' } });
      firmNames.set(body.id, name);
      await call('POST', `/api/registry/agencies/${body.id}/status`, { token: admin, body: { status: 'ACTIVE', reason: '' } });
      await call('POST', `/api/registry/agencies/${body.id}/qualifications`, { token: admin, body: { certificateNumber: `C-${name}`, serviceItemCode: 'SURVEY-MAPPING', level: 1, validFrom: '2026-01-01', validUntil: '2030-01-01' } });
    }
    // An owner posts a project and asks for the draw, through the API as the UI will.
    const owner = issueTestToken(secret, { userId: 'o', role: 'OWNER', organizationId: 'owner-1' });
    const draft = await call('POST', '/api/projects/projects', {
      token: owner,
      body: {
        title: '城西道路测绘', serviceItemCode: 'SURVEY-MAPPING', description: '1:500 地形图', budgetCapFen: 5_000_000, requiredLevel: 2, region: '330100', servicePeriodDays: 20,
        selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 1, minimumCandidates: 3 }, signUp: { mode: 'ALL_ELIGIBLE' },
      },
    });
    expect(draft).toMatchObject({ status: 201 });
    projectId = draft.body.id;
    await call('POST', `/api/projects/projects/${projectId}/publish`, { token: owner });
    // The draw freezes its pool from its own read model: wait until all three firms have reached it.
    await waitFor(() => call('GET', '/api/draw/pool-preview?serviceItemCode=SURVEY-MAPPING&requiredLevel=2&on=2026-06-01', { token: owner }).then((r) => r.body.pool), (pool) => pool?.length === 3, { what: 'draw read model' });
    await call('POST', `/api/projects/projects/${projectId}/request-selection`, { token: owner });
    [{ drawId }] = await waitFor(() => call('GET', `/api/draw/projects/${projectId}/draws`).then((r) => r.body), (d) => d.length === 1, { what: 'commitment' });
    await call('POST', `/api/draw/draws/${drawId}/witness-values`, { token: owner, body: { value: '8848' } });
    const supervisor = issueTestToken(secret, { userId: 's', role: 'SUPERVISOR', organizationId: null });
    const res = await call('POST', `/api/draw/draws/${drawId}/witness-values`, { token: supervisor, body: { value: '监督' } });
    expect(res.body.revealed).toBe(true);
    await waitFor(() => call('GET', '/api/projects/announcements').then((r) => r.body), (list) => list.some((a: { status: string }) => a.status === 'PUBLICITY'), { what: 'result in publicity' });
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'en-US' });
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lists the project in publicity on the home page and links its draw to the verifier', async () => {
    await page.goto(`${base}/`);
    const item = page.locator(`[data-project="${projectId}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain('城西道路测绘');
    expect(await item.textContent()).toContain('in publicity');
    // The winner is named as the public directory knows it, not by an identifier.
    const record = (await call('GET', `/api/draw/draws/${drawId}`)).body.record;
    await item.getByText(firmNames.get(record.winners[0]) as string, { exact: false }).waitFor();
    await item.getByRole('link', { name: 'Verify this draw' }).click();
    await page.waitForURL(`**/verify?draw=${drawId}`);
  });

  it('loads a revealed draw by id and shows every check passing, computed in the browser', async () => {
    await page.goto(`${base}/verify?draw=${drawId}`);
    await page.getByRole('status').filter({ hasText: 'verifies' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe(`Draw ${drawId} verifies`);
    const checks = page.locator('[data-check]');
    expect(await checks.count()).toBe(8);
    expect(await page.locator('[data-check][data-ok="false"]').count()).toBe(0);
    mkdirSync(join(workspaceRoot, 'tmp/screens'), { recursive: true });
    await page.screenshot({ path: join(workspaceRoot, 'tmp/screens/verify-draw.png'), fullPage: true });
  });

  it('names the failing check when the record is tampered with, in either language', async () => {
    const record = JSON.parse(await page.locator('textarea[name="record"]').inputValue());
    const tampered = { ...record, winners: record.alternates, alternates: record.winners };
    await page.locator('textarea[name="record"]').fill(JSON.stringify(tampered));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Does not verify' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Does not verify: result');
    expect(await page.locator('[data-check="result"]').getAttribute('data-ok')).toBe('false');

    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '核验', exact: true }).click();
    expect(await page.getByRole('status').textContent()).toBe('核验未通过：抽取结果');
  });

  it("announces a drand draw's source with its terms, and shows the round its commitment fixed", async () => {
    // Another owner, so the first project's winner is not sat out by the rotation rules.
    const owner = issueTestToken(secret, { userId: 'o2', role: 'OWNER', organizationId: 'owner-2' });
    const draft = await call('POST', '/api/projects/projects', {
      token: owner,
      body: {
        title: '城东管网测绘', serviceItemCode: 'SURVEY-MAPPING', description: '管线探测', budgetCapFen: 5_000_000, requiredLevel: 2, region: '330100', servicePeriodDays: 20,
        selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 1, minimumCandidates: 3, entropySource: 'drand' }, signUp: { mode: 'ALL_ELIGIBLE' },
      },
    });
    expect(draft).toMatchObject({ status: 201 });
    const id = draft.body.id;
    await call('POST', `/api/projects/projects/${id}/publish`, { token: owner });
    await page.goto(`${base}/projects/${id}`);
    // The page remembers the last language chosen: Chinese, from the case before.
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('[data-entropy-source]').textContent()).toBe('drand public randomness beacon');

    await call('POST', `/api/projects/projects/${id}/request-selection`, { token: owner });
    const [committed] = await waitFor(() => call('GET', `/api/draw/projects/${id}/draws`).then((r) => r.body), (d) => d.length === 1, { what: 'commitment' });
    const round = committed.commitment.entropyPlan.round;
    await page.reload();
    const panel = page.locator(`[data-draw="${committed.drawId}"][data-entropy="drand"]`);
    await panel.getByText(`committed; waiting for drand round ${round}`).waitFor();
    expect(await panel.locator('[data-drand-round]').textContent()).toBe(String(round));
    // Nobody signed in: no form to carry a beacon in.
    expect(await panel.locator('input[name="beaconSignature"]').count()).toBe(0);
  });

  it('verifies a drand draw in the browser, the beacon checked against the pinned key, and names the entropy check of a forged one', async () => {
    const vector = DRAW_V1_VECTORS.find((v) => v.inputs.name === 'pool-10-drand');
    const { commitmentInput, secret: drawSecret, entropy } = expandVectorInputs(vector!.inputs);
    const record = revealDraw(commitDraw({ ...commitmentInput, secret: drawSecret }), drawSecret, entropy);
    await page.goto(`${base}/verify`);
    await page.locator('textarea[name="record"]').fill(JSON.stringify(record));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'verifies' }).waitFor();
    expect(await page.locator('[data-check][data-ok="false"]').count()).toBe(0);

    const signature = (record.entropy as { signature: string }).signature;
    const forged = { ...record, entropy: { ...record.entropy, signature: signature.replace(/^b7/, 'a7') } };
    await page.locator('textarea[name="record"]').fill(JSON.stringify(forged));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Does not verify' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Does not verify: entropy');
    // Back to Chinese, the language the page is left in before this pair of cases.
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('says so plainly for a draw that does not exist', async () => {
    await page.goto(`${base}/verify`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('input[name="drawId"]').fill('00000000-0000-4000-8000-000000000000');
    await page.getByRole('button', { name: 'Load record' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('No such draw');
  });
});
