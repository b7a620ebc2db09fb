import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import seedrandom from 'seedrandom';
import { BIDDING_TOPIC } from '@mkt/bidding/contracts';
import { PROJECT_TOPIC } from '@mkt/projects/contracts';
import { creditCodeCheckCharacter } from '@mkt/registry/core';
import { MessagingRuntime, type ServicePlatform } from '@mkt/shared/messaging';
import { PASSWORD, pageOpener, screenshot, startMarketplace, type Marketplace } from './marketplace-harness';

/**
 * A supervisor's analytics and long operations in the browser: the collusion report over a bidding history in the
 * log (two firms quoting identically again and again, one that declines every award it wins) with the tests run,
 * α and the correction stated and each flag's evidence; then the whole log verified and the records exported on a
 * slow link, each step with its progress.
 */
const FIRM_NAMES = ['临安测绘院', '富春勘测', '桐庐地理信息', '建德测量', '淳安测绘', '萧山勘察', '余杭测绘', '钱塘空间信息'];

function envelope(topic: string, type: string, aggregateId: string, payload: Record<string, unknown>) {
  const id = randomUUID();
  return { topic, key: aggregateId, value: JSON.stringify({ id, type, version: 1, occurredAt: new Date().toISOString(), producer: topic.split('.')[0], aggregateId, correlationId: id, causationId: null, payload }) };
}

/**
 * Eighty closed rounds as the bidding and projects services would have published them: every firm quotes around
 * 85 % of a reference price; the first two quote the same to the fen in three rounds; the last undercuts everyone
 * whenever it bids and then declines, so the runner-up is awarded.
 */
function biddingHistory(firms: readonly string[]) {
  const rng = seedrandom('supervision-journey');
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const [first, second] = firms;
  const decliner = firms[firms.length - 1];
  const messages = [];
  for (let r = 0; r < 80; r++) {
    const biddingId = randomUUID();
    const projectId = randomUUID();
    const bidders = firms.filter((a) => a === first || a === second || rng() < 0.5);
    const prices = bidders.map(() => Math.round(1_000_000 * Math.exp(Math.log(0.85) + 0.08 * normal())));
    if ([5, 25, 45].includes(r)) prices[1] = prices[0];
    if (bidders.includes(decliner)) prices[bidders.indexOf(decliner)] = Math.min(...prices) - 1000;
    messages.push(envelope(BIDDING_TOPIC, 'bidding.BiddingOpened', biddingId, { biddingId, projectId, serviceItemCode: 'SURVEY-MAPPING', quoteForm: 'AMOUNT', standardFeeFen: null }));
    messages.push(envelope(BIDDING_TOPIC, 'bidding.BiddingClosed', biddingId, { biddingId, projectId, revealed: bidders.map((agencyId, i) => ({ agencyId, priceFen: prices[i], invalidReason: null })) }));
    const ranked = bidders.map((agencyId, i) => ({ agencyId, priceFen: prices[i] })).sort((a, b) => a.priceFen - b.priceFen);
    messages.push(envelope(PROJECT_TOPIC, 'projects.ProjectAwarded', projectId, { projectId, round: 1, winners: [{ agencyId: ranked[0].agencyId }] }));
    if (ranked[0].agencyId === decliner) {
      messages.push(envelope(PROJECT_TOPIC, 'projects.AwardDeclined', projectId, { projectId, round: 1, agencyId: decliner, cause: 'DECLINED', reason: '' }));
      messages.push(envelope(PROJECT_TOPIC, 'projects.ProjectAwarded', projectId, { projectId, round: 1, winners: [{ agencyId: ranked[1].agencyId }] }));
    }
  }
  return messages;
}

/** Chromium's own network throttling, so that a download of a few hundred kilobytes takes seconds. */
async function throttle(page: Page, bytesPerSecond: number): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: bytesPerSecond, uploadThroughput: -1 });
  return () => cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 }).then(() => undefined);
}

/** The byte counts a progress bar showed while it was on screen, each distinct reading once. */
async function readings(page: Page, testId: string, shot?: string): Promise<{ loaded: number[]; total: number | null }> {
  const bar = page.getByTestId(testId);
  await bar.waitFor();
  const loaded: number[] = [];
  let total: number | null = null;
  while (await bar.isVisible()) {
    const [l, t] = await Promise.all([bar.getAttribute('data-loaded').catch(() => null), bar.getAttribute('data-total').catch(() => null)]);
    if (l && Number(l) > 0 && loaded[loaded.length - 1] !== Number(l)) loaded.push(Number(l));
    if (t) total = Number(t);
    if (shot && loaded.length === 2) await screenshot(page, shot);
    await page.waitForTimeout(100);
  }
  return { loaded, total };
}

describe('supervision journey (browser)', () => {
  let m: Marketplace;
  let firms: string[];
  const pages = pageOpener(() => m);

  beforeAll(async () => {
    m = await startMarketplace();
    const admin = (await m.call('POST', '/api/identity/login', { body: { username: 'admin', password: PASSWORD } })).body.accessToken as string;
    firms = [];
    for (const [i, name] of FIRM_NAMES.entries()) {
      const body = `91330100MA2Y${String(i).padStart(5, '0')}`;
      const created = await m.call('POST', '/api/registry/agencies', { token: admin, body: { name, creditCode: body + creditCodeCheckCharacter(body), region: '330100' } });
      expect(created.status).toBe(201);
      // Active, so that the public directory names them on the supervisor's pages.
      expect((await m.call('POST', `/api/registry/agencies/${created.body.id}/status`, { token: admin, body: { status: 'ACTIVE', reason: 'registration checked' } })).status).toBe(200);
      firms.push(created.body.id);
    }
    await (m.app.get(MessagingRuntime).platform('audit') as ServicePlatform).inbox.deliverAll(biddingHistory(firms));
  }, 180000);

  afterAll(async () => {
    await pages.closeAll();
    await m?.close();
  });

  it('shows the collusion report: the tests run, α with the Holm correction, and each flag with its evidence', async () => {
    const supervisor = await pages.open('supervisor');
    await supervisor.getByRole('navigation').getByRole('link', { name: '串通分析' }).click();
    const summary = supervisor.getByTestId('collusion-summary');
    await summary.waitFor();
    const tests = await supervisor.locator('[data-testid="collusion-tests"] tbody tr').count();
    expect(tests).toBeGreaterThan(2);
    expect(await summary.textContent()).toContain(`基于日志中 80 轮已截止的竞价，共进行 ${tests} 项检验。`);
    expect(await summary.textContent()).toContain('经 Holm–Bonferroni 校正，α = 0.01：整份报告出现任何一次误报的概率不超过 1%');
    expect(await summary.getByRole('status').textContent()).toBe('校正后有 2 项提示，请查看证据。');

    const identical = supervisor.locator('[data-flag="identical-quotes"]');
    expect(await identical.getAttribute('data-agencies')).toBe([firms[0], firms[1]].sort().join(' '));
    expect(await identical.textContent()).toContain('报价雷同');
    expect(await identical.getByTestId('evidence').textContent()).toContain('两家都有有效报价的轮次 80 轮');
    expect(await identical.getByTestId('evidence').textContent()).toMatch(/报价相同 3 轮（偶然期望 [\d.]+ 轮）/);
    expect(await identical.getByTestId('p-against-threshold').textContent()).toMatch(/^p = .+ ≤ Holm 阈值 .+$/);
    expect(await identical.getByRole('link', { name: FIRM_NAMES[0] }).count()).toBe(1);

    const declines = supervisor.locator('[data-flag="repeated-declines"]');
    expect(await declines.getAttribute('data-agencies')).toBe(firms[7]);
    expect(await declines.getByTestId('evidence').textContent()).toMatch(/中选 (\d+) 次，放弃 \1 次；其他机构的放弃率/);
    expect(await supervisor.locator('[data-testid="collusion-tests"] tr[data-flagged="true"]').count()).toBe(2);
    await screenshot(supervisor, 'supervisor-collusion');

    // The evidence leads to the firm's public profile.
    await declines.getByRole('link', { name: FIRM_NAMES[7] }).click();
    await supervisor.getByRole('heading', { name: FIRM_NAMES[7] }).waitFor();
  });

  it('says the same in English and fits a phone’s screen', async () => {
    const phone = await pages.open('supervisor', 390);
    await phone.getByRole('button', { name: /English/ }).click();
    await phone.goto(`${m.base}/supervisor/collusion`);
    await phone.getByRole('heading', { name: 'Signs of collusion' }).waitFor();
    expect(await phone.getByTestId('collusion-summary').getByRole('status').textContent()).toBe('2 flags after the correction; see the evidence.');
    expect(await phone.locator('[data-flag="identical-quotes"]').textContent()).toContain('Identical quotes');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone, 'supervisor-collusion-narrow');
  });

  it('keeps the report to supervisors', async () => {
    const admin = await pages.open('admin');
    await admin.goto(`${m.base}/supervisor/collusion`);
    await admin.getByText('此页面需要以监督人员身份登录。').waitFor();
  });

  it('verifies the whole log on a slow link, showing the download, the hashing and the verdict', async () => {
    // The export ends at the latest signed checkpoint: sign one over everything logged so far.
    const token = (await m.call('POST', '/api/identity/login', { body: { username: 'supervisor', password: PASSWORD } })).body.accessToken as string;
    expect((await m.call('POST', '/api/audit/checkpoints', { token })).status).toBeLessThan(300);
    const supervisor = await pages.open('supervisor');
    await supervisor.getByRole('navigation').getByRole('link', { name: '核验日志' }).click();
    const restore = await throttle(supervisor, 64 * 1024);
    await supervisor.getByRole('button', { name: '下载并核验' }).click();
    const download = await readings(supervisor, 'log-download', 'supervisor-verify-log-progress');
    await restore();
    // Several readings against the export's declared size, each further along.
    expect(download.loaded.length).toBeGreaterThanOrEqual(3);
    expect([...download.loaded].sort((a, b) => a - b)).toEqual(download.loaded);
    expect(download.total).toBeGreaterThan(download.loaded[0]);
    await supervisor.getByTestId('log-verdict').waitFor({ timeout: 60000 });
    expect(await supervisor.getByTestId('log-verdict').textContent()).toMatch(/^日志核验通过/);
  });

  it('exports the selection records on a slow link with a progress bar, and names the field of a bad period', async () => {
    const supervisor = await pages.open('supervisor');
    await supervisor.getByRole('navigation').getByRole('link', { name: '项目监督' }).click();
    const query = supervisor.locator('form').filter({ hasText: '选取记录查询与导出' });
    await query.getByLabel('起始时间').fill('2026-06-01T00:00');
    await query.getByLabel('截止时间').fill('2026-05-01T00:00');
    await query.getByRole('button', { name: '导出 CSV' }).click();
    await query.locator('[data-field="to"].invalid').waitFor();
    expect(await query.getByRole('alert').textContent()).toContain('「截止时间」有误');

    await query.getByLabel('起始时间').fill('');
    await query.getByLabel('截止时间').fill('');
    const restore = await throttle(supervisor, 48 * 1024);
    const [file] = await Promise.all([supervisor.waitForEvent('download', { timeout: 60000 }), query.getByRole('button', { name: '导出 CSV' }).click(), readings(supervisor, 'export-progress')]);
    await restore();
    expect(file.suggestedFilename()).toBe('selection-records.csv');
    expect(readFileSync(await file.path(), 'utf8').split('\r\n')[0]).toContain('projectId');
  });
});
