import type { Page } from 'playwright-core';
import { beijingInput, FIRMS, pageOpener, screenshot, startMarketplace, type Marketplace } from './marketplace-harness';

/**
 * Sealed bidding in a real browser, in Chinese: the owner posts a bidding project and opens the round; three agencies
 * bid (one replaces its bid, one withdraws and bids again), each keeping a receipt its browser re-checks; before
 * the deadline the public sees only commitments; the embedded scheduler closes the round at the deadline and the
 * public page re-checks every opened bid against its commitment and shows the ranking.
 */
describe('bidding journey (browser)', () => {
  let m: Marketplace;
  let projectId: string;
  let biddingId: string;
  const pages = pageOpener(() => m);
  const open = pages.open;

  beforeAll(async () => {
    m = await startMarketplace();
  }, 120000);

  afterAll(async () => {
    await pages.closeAll();
    await m?.close();
  });

  it('lets the owner post a bidding project with a deadline and open the round', async () => {
    const owner = await open('owner');
    await owner.getByRole('navigation').getByRole('link', { name: '发布项目' }).click();
    await owner.getByLabel('项目名称').fill('东湖路桥梁检测服务');
    await owner.getByLabel('服务事项').selectOption('SURVEY-MAPPING');
    await owner.getByLabel('服务内容说明').fill('三座桥梁的定期检测');
    await owner.getByLabel('最高限价（元）').fill('60000');
    await owner.getByLabel('资质等级要求（1 为最高）').fill('2');
    await owner.getByLabel('服务期限（天）').fill('30');
    await owner.getByLabel('竞价', { exact: true }).check();
    await owner.getByLabel('最少有效报价数（不足则流标）').fill('3');
    await owner.getByLabel('评审规则').selectOption('LOWEST_PRICE');
    // A deadline a minute ahead: the embedded scheduler closes the round by itself.
    await owner.getByLabel('竞价截止时间').fill(beijingInput(new Date(Date.now() + 60_000)));
    await owner.getByRole('button', { name: '保存并发布' }).click();
    await owner.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    projectId = owner.url().split('/').pop() as string;
    await owner.getByRole('button', { name: '申请选取' }).click();
    const link = owner.locator('[data-bidding]').getByRole('link', { name: '查看竞价' });
    await link.waitFor({ timeout: 20000 });
    biddingId = (await owner.locator('[data-bidding]').getAttribute('data-bidding')) as string;

    // On another browser (nothing remembered locally) the owner still finds its project among its own.
    const elsewhere = await open('owner');
    await elsewhere.getByRole('navigation').getByRole('link', { name: '我的项目' }).click();
    await elsewhere.locator(`[data-project="${projectId}"]`).getByText('选取中', { exact: false }).waitFor();
    await screenshot(elsewhere, 'owner-projects');
  });

  async function bid(page: Page, yuan: string, button: '提交密封报价' | '替换报价'): Promise<void> {
    await page.getByLabel('报价（元）').fill(yuan);
    await page.getByLabel('服务期（天）').fill('25');
    await page.getByRole('button', { name: button }).click();
    await page.getByTestId('receipt').getByText('回执核验一致').waitFor({ timeout: 10000 }).catch(async (error) => {
      // Say what the page said instead, e.g. the API's refusal naming a field.
      throw new Error(`no matching receipt after ${button} ${yuan}: ${await page.locator('main').textContent()}`, { cause: error });
    });
  }

  it('takes three sealed bids, a replacement, a withdrawal and a refusal above the cap, each with a receipt re-checked in the browser', async () => {
    const [first, second, third] = await Promise.all(FIRMS.slice(0, 3).map((f) => open(f.user as string)));
    await first.getByRole('navigation').getByRole('link', { name: '报名与竞价' }).click();
    await first.locator(`[data-project="${projectId}"]`).getByRole('link', { name: /查看竞价/ }).click();
    await first.waitForURL(`**/biddings/${biddingId}`);
    await bid(first, '52000', '提交密封报价');
    await first.getByRole('status').filter({ hasText: '报价已密封提交' }).waitFor();
    await bid(first, '48000', '替换报价');
    await screenshot(first, 'agency-sealed-bid');

    await second.goto(`${m.base}/biddings/${biddingId}`);
    await bid(second, '50000', '提交密封报价');

    await third.goto(`${m.base}/biddings/${biddingId}`);
    // Above the cap: refused, and the form says which field.
    await third.getByLabel('报价（元）').fill('61000');
    await third.getByRole('button', { name: '提交密封报价' }).click();
    await third.getByRole('alert').filter({ hasText: '「报价（元）」有误' }).first().waitFor();
    await bid(third, '58000', '提交密封报价');
    await third.getByRole('button', { name: '撤回报价' }).click();
    await third.getByRole('status').filter({ hasText: '报价已撤回' }).waitFor();
    await bid(third, '55000', '提交密封报价');

    // Before the close, the public sees three commitments and no agency, no price.
    const visitor = await open(null);
    await visitor.goto(`${m.base}/biddings/${biddingId}`);
    await visitor.locator('.commitments li').nth(2).waitFor();
    expect(await visitor.locator('.commitments li').count()).toBe(3);
    expect(await visitor.locator('main').textContent()).not.toContain('48,000');
    await screenshot(visitor, 'bidding-sealed');
  });

  it('closes at the deadline; the public page re-checks every opened bid and ranks the lowest price first', async () => {
    const visitor = await open(null);
    await visitor.goto(`${m.base}/biddings/${biddingId}`);
    await visitor.locator('[data-bidding][data-status="DECIDED"]').waitFor({ timeout: 120000 });
    const rows = visitor.locator('table.revealed tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await visitor.locator('table.revealed [data-commitment-ok="true"]').count()).toBe(3);
    const ranking = visitor.locator('ol.ranking li');
    expect(await ranking.first().getAttribute('data-agency')).toBe(m.firmIds[0]);
    expect(await ranking.first().textContent()).toContain('48,000');
    await screenshot(visitor, 'bidding-opened');

    await visitor.goto(`${m.base}/projects/${projectId}`);
    await visitor.locator('[data-project][data-status="PUBLICITY"]').waitFor({ timeout: 20000 });
    expect(await visitor.getByTestId('selection').textContent()).toContain(FIRMS[0].name);
  }, 180000);
});
