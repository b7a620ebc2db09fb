import { commitDraw, revealDraw } from '@mkt/draw/core';
import { DRAW_V1_VECTORS, expandVectorInputs } from '@mkt/draw/core/testing';
import { MessagingRuntime, type ServicePlatform } from '@mkt/shared/messaging';
import { waitFor } from '@mkt/shared/testing';
import { FIRMS, HOUR, PASSWORD, pageOpener, screenshot, startMarketplace, type Marketplace } from './marketplace-harness';

/**
 * The credit-weighted draw (信用择优) in a real browser, in Chinese: the owner posts one with a credit threshold and
 * the published weight function, previewing the pool they give today; agencies see the threshold before signing up;
 * when the window closes a firm below the threshold drops out and the rest are weighted by their credit; the owner
 * and a supervisor witness the draw; the draw panel shows every firm's weight and where it came; anyone verifies the
 * weighted record in the browser.
 */
const TITLE = '运河沿线地形测绘（信用择优）';

describe('credit-weighted draw journey (browser)', () => {
  let m: Marketplace;
  let projectId: string;
  let drawId: string;
  const pages = pageOpener(() => m);
  const open = pages.open;

  beforeAll(async () => {
    m = await startMarketplace();
    // Credit by the published formula (start 80): a supervisor's findings take the second firm to 75 and the third to
    // 60, below the threshold the owner will set.
    const supervisor = (await m.call('POST', '/api/identity/login', { body: { username: 'supervisor', password: PASSWORD } })).body.accessToken as string;
    for (const [firm, kind, reason] of [[m.firmIds[1], 'OTHER', '成果资料归档不全'], [m.firmIds[2], 'FALSE_MATERIALS', '投标材料中业绩证明不实']] as const) {
      expect((await m.call('POST', `/api/registry/agencies/${firm}/misconduct`, { token: supervisor, body: { kind, reason } })).status).toBe(201);
    }
    // The draw service weighs by its own read model of the scores: wait until both findings have reached it.
    const draw = m.app.get(MessagingRuntime).platform('draw') as ServicePlatform;
    await waitFor(
      async () => new Map(((await draw.database.dataSource.query('SELECT agency_id, credit_score FROM agency_view')) as { agency_id: string; credit_score: number | null }[]).map((r) => [r.agency_id, r.credit_score])),
      (scores) => scores.get(m.firmIds[1]) === 75 && scores.get(m.firmIds[2]) === 60,
      { what: 'credit scores in the draw read model' },
    );
  }, 120000);

  afterAll(async () => {
    await pages.closeAll();
    await m?.close();
  });

  it('lets the owner post a credit-weighted draw: the published weight function explained, a threshold out of bounds refused by name', async () => {
    const owner = await open('owner');
    await owner.getByRole('navigation').getByRole('link', { name: '发布项目' }).click();
    await owner.getByLabel('项目名称').fill(TITLE);
    await owner.getByLabel('服务事项').selectOption('SURVEY-MAPPING');
    await owner.getByLabel('服务内容说明').fill('运河沿线 1:500 地形测绘');
    await owner.getByLabel('最高限价（元）').fill('90000');
    await owner.getByLabel('服务期限（天）').fill('25');
    await owner.getByLabel('设报名期：仅报名的机构').check();
    await owner.getByLabel('信用择优（按信用分加权抽取）').check();
    await owner.getByLabel('最少候选机构数（不足则流标）').fill('2');

    // Every published weight function is offered with what it does; the only one is chosen already.
    const linear = owner.locator('.weight-functions [data-weight-function="credit-linear/v1"]');
    expect((await linear.textContent())?.trim()).toBe('credit-linear/v1 · 权重 = 1 + 信用分；尚无信用记录的机构按 80 分计');
    expect(await linear.getByRole('radio').isChecked()).toBe(true);
    // The entropy source and observers work as for a random draw: drand takes no observers.
    await owner.getByLabel('drand 公共随机信标').check();
    expect(await owner.getByRole('button', { name: '添加观察员' }).count()).toBe(0);
    await owner.getByLabel('见证人录入数值').check();
    expect(await owner.getByRole('button', { name: '添加观察员' }).count()).toBe(1);

    // Credit scores run from 0 to 100: the API refuses 120 and the form names the field by its label.
    await owner.getByLabel('信用分门槛（0–100）').fill('120');
    await owner.getByRole('button', { name: '保存并发布' }).click();
    await owner.locator('[data-field="selection.minimumCreditScore"].invalid').waitFor();
    expect(await owner.locator('.notice.bad').textContent()).toContain('「信用分门槛（0–100）」');
    await owner.getByLabel('信用分门槛（0–100）').fill('70');
    // Before posting, the draw service's own preview applies the threshold and shows today's weights.
    await owner.getByRole('button', { name: '预览今日候选池' }).click();
    const preview = owner.getByTestId('pool-preview');
    await preview.getByText('今日符合条件的机构 2 家（本规则至少需要 2 家）').waitFor();
    expect(await preview.locator(`[data-agency="${m.firmIds[0]}"]`).textContent()).toBe(`${FIRMS[0].name} · 权重 81`);
    expect(await preview.locator(`[data-agency="${m.firmIds[1]}"]`).getAttribute('data-weight')).toBe('76');
    await preview.getByText(`${FIRMS[2].name} · 信用分低于门槛`).waitFor();
    await screenshot(owner, 'owner-post-credit-draw');
    await owner.getByRole('button', { name: '保存并发布' }).click();
    await owner.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    projectId = owner.url().split('/').pop() as string;
    await owner.locator('[data-status="PUBLISHED"]').waitFor();
    expect(await owner.locator('[data-method]').textContent()).toBe('信用择优');
    expect(await owner.locator('[data-credit-threshold]').textContent()).toBe('70 分（低于者不参加抽取）');
    expect(await owner.locator('[data-weight-function]').textContent()).toBe('credit-linear/v1 · 权重 = 1 + 信用分；尚无信用记录的机构按 80 分计');
    expect(await owner.locator('[data-entropy-source]').textContent()).toBe('见证人录入数值');
  });

  it('tells agencies the threshold before they sign up, and lists the method and the source among their sign-ups', async () => {
    for (const firm of FIRMS.slice(0, 3)) {
      const agency = await open(firm.user as string);
      await agency.getByRole('navigation').getByRole('link', { name: '报名与竞价' }).click();
      const item = agency.locator(`[data-project="${projectId}"]`);
      expect(await item.locator('[data-credit-threshold]').textContent()).toBe(' · 信用分门槛 70');
      await item.getByRole('link', { name: TITLE }).click();
      // The announcement as the public reads it carries the whole rule.
      expect(await agency.locator('[data-credit-threshold]').textContent()).toBe('70 分（低于者不参加抽取）');
      await agency.getByRole('button', { name: '报名', exact: true }).click();
      await agency.getByRole('status').filter({ hasText: '报名成功' }).waitFor();
      await agency.getByRole('navigation').getByRole('link', { name: '报名与竞价' }).click();
      const signUp = agency.locator(`[data-sign-up="${projectId}"][data-outcome="PENDING"]`);
      await signUp.waitFor();
      expect(await signUp.locator('[data-method]').textContent()).toBe('信用择优');
      expect(await signUp.locator('[data-entropy-source]').textContent()).toBe(' · 见证人录入数值');
    }
  });

  it('weighs the pool by credit when the window closes, and shows each firm’s weight and where it came once the witnesses reveal the draw', async () => {
    m.clock.advance(97 * HOUR);
    const owner = await open('owner');
    await owner.goto(`${m.base}/projects/${projectId}`);
    const panel = owner.locator('[data-draw]');
    await panel.waitFor({ timeout: 30000 });
    drawId = (await panel.getAttribute('data-draw')) as string;
    expect(await panel.locator('[data-draw-method]').textContent()).toBe('信用择优');
    expect(await panel.locator('[data-credit-threshold]').textContent()).toBe('70 分（低于者不参加抽取）');
    // Published with the commitment, before any witness value: 1 + 80 and 1 + 75; the firm at 60 is out.
    const weightOf = async (firm: number) => panel.locator(`[data-agency="${m.firmIds[firm]}"]`).getAttribute('data-weight');
    expect([await weightOf(0), await weightOf(1)]).toEqual(['81', '76']);
    expect(await panel.locator(`[data-agency="${m.firmIds[2]}"]`).count()).toBe(0);
    expect(await panel.getByTestId('below-threshold').textContent()).toBe(`信用分低于门槛，未进入候选池：${FIRMS[2].name}`);
    expect(await panel.locator('tr[data-outcome="pending"]').count()).toBe(2);

    await owner.getByLabel('见证数值').fill('2026-运河');
    await owner.getByRole('button', { name: '录入见证数值' }).click();
    await panel.locator('[data-witness="OWNER"]').getByText('2026-运河').waitFor();
    const supervisor = await open('supervisor');
    await supervisor.goto(`${m.base}/projects/${projectId}`);
    await supervisor.getByLabel('见证数值').fill('监督 0417');
    await supervisor.getByRole('button', { name: '录入见证数值' }).click();
    await supervisor.locator('[data-draw][data-status="REVEALED"]').waitFor();

    // The panel's weights are the record's, and the outcome column is the record's result.
    const record = (await m.call('GET', `/api/draw/draws/${drawId}`)).body.record;
    expect(record.weights).toEqual([0, 1].map((i) => ({ id: m.firmIds[i], weight: i === 0 ? 81 : 76 })).sort((a, b) => (a.id < b.id ? -1 : 1)));
    const visitor = await open(null);
    await visitor.goto(`${m.base}/projects/${projectId}`);
    const revealed = visitor.locator(`[data-draw="${drawId}"][data-status="REVEALED"]`);
    await revealed.waitFor();
    expect(await revealed.locator(`[data-agency="${record.winners[0]}"]`).getAttribute('data-outcome')).toBe('winner');
    expect(await revealed.locator(`[data-agency="${record.alternates[0]}"]`).getAttribute('data-outcome')).toBe('alternate');
    expect(await revealed.locator(`[data-agency="${record.winners[0]}"] td`).allTextContents()).toEqual([
      FIRMS[m.firmIds.indexOf(record.winners[0])].name,
      String(record.weights.find((w: { id: string }) => w.id === record.winners[0]).weight),
      record.winners[0] === m.firmIds[0] ? '51.6%' : '48.4%',
      '中选',
    ]);
    await screenshot(visitor, 'credit-draw-revealed');

    // The owner's own list names the method and the source.
    await owner.getByRole('navigation').getByRole('link', { name: '我的项目' }).click();
    const mine = owner.locator(`li[data-project="${projectId}"]`);
    await mine.waitFor();
    expect(await mine.locator('[data-method]').textContent()).toBe('信用择优');
    expect(await mine.locator('[data-entropy-source]').textContent()).toBe(' · 见证人录入数值');
  });

  it('lets anyone verify the weighted record in the browser, and names the check a changed weight breaks', async () => {
    const visitor = await open(null);
    await visitor.goto(`${m.base}/projects/${projectId}`);
    await visitor.getByRole('link', { name: '核验本次抽取' }).click();
    await visitor.waitForURL(`**/verify?draw=${drawId}`);
    await visitor.getByRole('status').filter({ hasText: '核验通过' }).waitFor();
    expect(await visitor.locator('[data-check][data-ok="false"]').count()).toBe(0);
    expect(await visitor.getByTestId('weighted').textContent()).toContain('候选池 2 家机构各带公布的权重（合计 157）');

    // A loser's weight raised after the fact: the pool-and-weights check fails, and the verdict names it.
    const record = JSON.parse(await visitor.locator('textarea[name="record"]').inputValue());
    const inflated = { ...record, weights: record.weights.map((w: { id: string; weight: number }) => (w.id === record.alternates[0] ? { ...w, weight: 1000 } : w)) };
    await visitor.locator('textarea[name="record"]').fill(JSON.stringify(inflated));
    await visitor.getByRole('button', { name: '核验', exact: true }).click();
    await visitor.getByRole('status').filter({ hasText: '核验未通过' }).waitFor();
    expect(await visitor.getByRole('status').textContent()).toBe('核验未通过：候选池与权重哈希');

    // The published test vector with weights verifies here too.
    const vector = DRAW_V1_VECTORS.find((v) => v.inputs.name === 'weighted-pool-10');
    const { commitmentInput, secret, entropy } = expandVectorInputs(vector!.inputs);
    await visitor.locator('textarea[name="record"]').fill(JSON.stringify(revealDraw(commitDraw({ ...commitmentInput, secret }), secret, entropy)));
    await visitor.getByRole('button', { name: '核验', exact: true }).click();
    await visitor.getByRole('status').filter({ hasText: '核验通过' }).waitFor();
    expect(await visitor.getByTestId('weighted').textContent()).toContain('候选池 10 家机构');
  });

  it('shows the weights as one card per firm on a narrow screen', async () => {
    const phone = await open(null, 390);
    await phone.goto(`${m.base}/projects/${projectId}`);
    const weights = phone.getByTestId('draw-weights');
    await weights.locator('tr[data-outcome="winner"]').waitFor();
    expect(await weights.locator('thead').isVisible()).toBe(false);
    // Each cell carries its column's name, and nothing runs off the screen.
    expect(await weights.locator('tr[data-outcome="winner"] td').first().getAttribute('data-label')).toBe('机构');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone, 'credit-draw-narrow');
  });
});
