import { beijingInput, FIRMS, HOUR, PASSWORD, pageOpener, screenshot, startMarketplace, type Marketplace } from './marketplace-harness';

/**
 * An owner's changes to the rules in the browser, in Chinese: an amendment of a published project (its reason and
 * changed terms public, the sign-up close moved later), which the public and agencies read in the announcement; and
 * a project below the threshold selected directly with a written justification, which supervisors see flagged.
 */
describe('owner revisions journey (browser)', () => {
  let m: Marketplace;
  const pages = pageOpener(() => m);

  beforeAll(async () => {
    m = await startMarketplace();
  }, 120000);

  afterAll(async () => {
    await pages.closeAll();
    await m?.close();
  });

  describe('an amendment after publication', () => {
    let projectId: string;
    let closesAt: Date;

    beforeAll(async () => {
      const token = (await m.call('POST', '/api/identity/login', { body: { username: 'owner', password: PASSWORD } })).body.accessToken as string;
      const now = m.clock.now();
      closesAt = new Date(now.getTime() + 96 * HOUR);
      const draft = await m.call('POST', '/api/projects/projects', {
        token,
        body: {
          title: '城东片区地形图测绘', serviceItemCode: 'SURVEY-MAPPING', description: '1:500 地形图测绘，约 2 平方公里', budgetCapFen: 6_000_000, requiredLevel: 2, region: '330100', servicePeriodDays: 20,
          selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 1, minimumCandidates: 2 },
          signUp: { mode: 'WINDOW', opensAt: now.toISOString(), closesAt: closesAt.toISOString() },
        },
      });
      expect(draft.status).toBe(201);
      projectId = draft.body.id;
      expect((await m.call('POST', `/api/projects/projects/${projectId}/publish`, { token })).status).toBe(200);
    });

    it('lets the owner amend the published project, naming the field of each mistake', async () => {
      const owner = await pages.open('owner');
      await owner.goto(`${m.base}/projects/${projectId}`);
      const form = owner.getByTestId('amend-form');
      await form.waitFor();
      // No reason: refused, the field named by its label.
      await form.getByRole('button', { name: '发布变更' }).click();
      await form.getByRole('alert').filter({ hasText: '「变更理由（公开）」有误' }).waitFor();
      expect(await form.locator('[data-field="reason"].invalid').count()).toBe(1);
      // The close must move later: keeping it is refused, naming the new close.
      await form.getByLabel('变更理由（公开）').fill('测绘范围扩大至 3 平方公里，相应调整限价与报名期');
      await form.getByLabel('新的报名截止时间').fill(beijingInput(closesAt).slice(0, 16));
      await form.getByRole('button', { name: '发布变更' }).click();
      await form.getByRole('alert').filter({ hasText: '「新的报名截止时间」有误' }).waitFor();
      expect(await form.locator('[data-field="signUp.closesAt"].invalid').count()).toBe(1);

      await form.getByLabel('新的报名截止时间').fill(beijingInput(new Date(closesAt.getTime() + 48 * HOUR)).slice(0, 16));
      await form.getByLabel('服务内容说明').fill('1:500 地形图测绘，约 3 平方公里');
      await form.getByLabel('最高限价（元）').fill('85000');
      await form.getByRole('button', { name: '发布变更' }).click();
      await form.getByRole('status').filter({ hasText: '第 1 次变更已发布' }).waitFor();
      const history = owner.getByTestId('amendments');
      await history.locator('[data-amendment="1"]').waitFor();
      await screenshot(owner, 'owner-amend-project');
      expect(await history.getByTestId('changed-fields').textContent()).toBe('服务内容说明、最高限价、报名期');
      expect(await owner.locator('.facts').first().textContent()).toContain('85,000');
    });

    it('shows the amendment history to the public and to agencies, in both languages and on a phone', async () => {
      const visitor = await pages.open(null);
      await visitor.goto(`${m.base}/projects/${projectId}`);
      const history = visitor.getByTestId('amendments');
      await history.getByRole('heading', { name: '变更公告（1 次）' }).waitFor();
      expect(await history.locator('[data-amendment="1"]').textContent()).toContain('测绘范围扩大至 3 平方公里，相应调整限价与报名期');
      expect(await history.getByTestId('changed-fields').textContent()).toBe('服务内容说明、最高限价、报名期');
      await screenshot(visitor, 'project-amendments');

      const agency = await pages.open(FIRMS[0].user as string);
      await agency.goto(`${m.base}/projects/${projectId}`);
      await agency.getByTestId('amendments').locator('[data-amendment="1"]').waitFor();

      const phone = await pages.open(null, 390);
      await phone.goto(`${m.base}/projects/${projectId}`);
      await phone.getByRole('button', { name: /English/ }).click();
      const english = phone.getByTestId('amendments');
      await english.getByRole('heading', { name: 'Amendments (1)' }).waitFor();
      expect(await english.getByTestId('changed-fields').textContent()).toBe('description, budget cap, sign-up window');
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      // The owner's amendment form fits a phone too.
      const ownerPhone = await pages.open('owner', 390);
      await ownerPhone.goto(`${m.base}/projects/${projectId}`);
      await ownerPhone.getByTestId('amend-form').waitFor();
      expect(await ownerPhone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });
  });

  describe('direct selection below the threshold', () => {
    let projectId: string;

    it('lets the owner post a direct selection only with a written justification and under the threshold', async () => {
      const owner = await pages.open('owner');
      await owner.getByRole('navigation').getByRole('link', { name: '发布项目' }).click();
      await owner.getByLabel('项目名称').fill('村道改造放线测量');
      await owner.getByLabel('服务事项').selectOption('SURVEY-MAPPING');
      await owner.getByLabel('服务内容说明').fill('村道改造工程规划放线，约 1.2 公里');
      await owner.getByLabel('最高限价（元）').fill('200000');
      await owner.getByLabel('直接选取（限额以下）').check();
      // No justification: refused, naming it.
      await owner.getByRole('button', { name: '保存并发布' }).click();
      await owner.getByRole('alert').filter({ hasText: '「直接选取的书面理由」有误' }).waitFor();
      await owner.getByLabel('直接选取的书面理由').fill('汛期抢险配套工程，须在 5 日内完成放线，原承担单位熟悉现场');
      // Over the threshold: refused, naming the method.
      await owner.getByRole('button', { name: '保存并发布' }).click();
      await owner.getByRole('alert').filter({ hasText: '「选取方式」有误' }).waitFor();
      await owner.getByLabel('最高限价（元）').fill('45000');
      await owner.getByRole('button', { name: '保存并发布' }).click();
      await owner.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
      projectId = owner.url().split('/').pop() as string;
      await owner.locator('[data-status="PUBLISHED"]').waitFor();
      // The owner sees the flag supervisors will see, with the justification.
      expect(await owner.getByTestId('justification').textContent()).toBe('汛期抢险配套工程，须在 5 日内完成放线，原承担单位熟悉现场');
    });

    it('lets the owner select one qualified agency directly, which goes into publicity', async () => {
      const owner = await pages.open('owner');
      await owner.goto(`${m.base}/projects/${projectId}`);
      await owner.getByRole('button', { name: '申请选取' }).click();
      await owner.locator('[data-project][data-status="SELECTING"]').waitFor();
      const form = owner.getByTestId('direct-selection-form');
      await form.getByRole('button', { name: '列出可选机构' }).click();
      await form.getByLabel('选定的机构').selectOption(m.firmIds[1]);
      await screenshot(owner, 'owner-direct-selection');
      await form.getByRole('button', { name: '直接选取该机构' }).click();
      await owner.locator('[data-project][data-status="PUBLICITY"]').waitFor();
      expect(await owner.getByTestId('selection').textContent()).toContain(FIRMS[1].name);
      expect(await owner.getByTestId('chosen-directly').textContent()).toBe('由业主直接选取（未经抽取或竞价）');
    });

    it('flags it to supervisors in the project list and on the project, with the justification and the threshold', async () => {
      const supervisor = await pages.open('supervisor');
      await supervisor.getByRole('navigation').getByRole('link', { name: '项目监督' }).click();
      await supervisor.locator(`[data-project="${projectId}"]`).getByTestId('direct-selection-tag').waitFor();
      await supervisor.locator(`[data-project="${projectId}"]`).getByRole('link', { name: '村道改造放线测量' }).click();
      const flag = supervisor.getByTestId('direct-selection-flag');
      await flag.waitFor();
      expect(await flag.textContent()).toContain('直接选取 · 需监督审查');
      expect(await flag.getByTestId('justification').textContent()).toBe('汛期抢险配套工程，须在 5 日内完成放线，原承担单位熟悉现场');
      expect(await flag.textContent()).toContain('最高限价 45,000 元，直接选取限额 100,000 元以下');
      await screenshot(supervisor, 'supervisor-direct-selection');
      const phone = await pages.open('supervisor', 390);
      await phone.goto(`${m.base}/projects/${projectId}`);
      await phone.getByTestId('direct-selection-flag').waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      // The public sees the result and how it was reached, not the justification.
      const visitor = await pages.open(null);
      await visitor.goto(`${m.base}/projects/${projectId}`);
      await visitor.getByTestId('chosen-directly').waitFor();
      expect(await visitor.getByTestId('direct-selection-flag').count()).toBe(0);
    });
  });
});
