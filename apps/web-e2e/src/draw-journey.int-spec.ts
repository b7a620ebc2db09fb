import { readFileSync } from 'node:fs';
import { waitFor } from '@mkt/shared/testing';
import { beijingInput, FIRMS, HOUR, PASSWORD, pageOpener, screenshot, startMarketplace, type Marketplace } from './marketplace-harness';

/**
 * The random-draw journey in a real browser, in Chinese: a firm's user signs up and the operator approves it; an
 * owner posts a project with a sign-up window; agencies sign up; after the window the owner and a supervisor
 * witness the draw; the result goes into publicity; the winner accepts; anyone verifies the draw in the browser;
 * a supervisor opens the project's record with its proofs and verifies the whole log.
 */
describe('random-draw journey (browser)', () => {
  let m: Marketplace;
  let projectId: string;
  let drawId: string;
  let notaryId: string;
  const pages = pageOpener(() => m);
  const open = pages.open;

  beforeAll(async () => {
    m = await startMarketplace();
  }, 120000);

  afterAll(async () => {
    await pages.closeAll();
    await m?.close();
  });

  it('lets a firm’s user sign up and the operator approve the firm and the account', async () => {
    const visitor = await open(null);
    await visitor.goto(`${m.base}/sign-up`);
    await visitor.getByLabel('用户名').fill('survey-zhijiang');
    await visitor.getByLabel('密码').fill(PASSWORD);
    await visitor.getByLabel('姓名或称呼').fill('之江测量 · 吴工');
    await visitor.getByLabel('所属中介机构编号').fill(m.firmIds[3]);
    await visitor.getByRole('button', { name: '提交注册' }).click();
    await visitor.getByRole('status').filter({ hasText: '注册已提交' }).waitFor();

    const admin = await open('admin');
    await admin.getByRole('navigation').getByRole('link', { name: '账户审核' }).click();
    const pending = admin.locator('[data-account="survey-zhijiang"]');
    await pending.getByText('机构入驻状态：审核中').waitFor();
    await screenshot(admin, 'admin-accounts');
    await pending.getByRole('button', { name: '核准机构入驻' }).click();
    await pending.getByText('机构入驻状态：正常').waitFor();
    await pending.getByRole('button', { name: '开通账户' }).click();
    await pending.waitFor({ state: 'detached' });

    const approved = await open('survey-zhijiang');
    expect(await approved.getByTestId('session').textContent()).toContain('之江测量 · 吴工');
  });

  it('lets the owner post a random-draw project, naming the field of a mistake first', async () => {
    const owner = await open('owner');
    await owner.getByRole('navigation').getByRole('link', { name: '发布项目' }).click();
    await owner.getByRole('button', { name: '保存并发布' }).click();
    // The API refuses the empty title and the form names the field by its label.
    await owner.locator('.notice.bad[data-field="title"]').waitFor();
    expect(await owner.locator('.notice.bad').textContent()).toContain('「项目名称」');
    expect(await owner.locator('[data-field="title"].invalid').count()).toBe(1);
    expect(await owner.locator('input[name="title"]').getAttribute('aria-describedby')).toBe('title-error');

    await owner.getByLabel('项目名称').fill('城西道路改造工程测绘服务');
    await owner.getByLabel('服务事项').selectOption('SURVEY-MAPPING');
    await owner.getByLabel('服务内容说明').fill('1:500 地形图测绘，约 2.3 平方公里');
    await owner.getByLabel('最高限价（元）').fill('80000');
    await owner.getByLabel('资质等级要求（1 为最高）').fill('2');
    await owner.getByLabel('服务期限（天）').fill('20');
    // Before posting: who would enter a draw today, by the draw service's own rule (all four firms are active now).
    await owner.getByRole('button', { name: '预览今日候选池' }).click();
    await owner.getByTestId('pool-preview').getByText('今日符合条件的机构 4 家（本规则至少需要 3 家）').waitFor();
    await owner.getByLabel('设报名期：仅报名的机构').check();
    await owner.getByRole('button', { name: '添加回避机构' }).click();
    await owner.locator('select[name="conflicts.0.agencyId"]').selectOption(m.firmIds[3]);
    await owner.locator('input[name="conflicts.0.reason"]').fill('与业主存在关联关系');
    // The owner invites a notary to witness the draw: an account of its own, which tells the owner its id.
    const admin = (await m.call('POST', '/api/identity/login', { body: { username: 'admin', password: PASSWORD } })).body.accessToken as string;
    const created = await m.call('POST', '/api/identity/accounts', {
      token: admin,
      body: { username: 'notary-zhang', password: PASSWORD, displayName: '西湖公证处 · 张敏', role: 'OWNER', organizationId: 'hz-xihu-notary' },
    });
    expect(created.status).toBe(201);
    const notary = await open('notary-zhang');
    await notary.getByRole('navigation').getByRole('link', { name: '我见证的抽取' }).click();
    await notary.getByText('目前没有项目指定您为观察员。').waitFor();
    notaryId = ((await notary.getByTestId('account-id').textContent()) ?? '').trim();
    // The drand beacon takes no witnesses: while it is the chosen source there is no one to invite.
    await owner.getByLabel('drand 公共随机信标').check();
    await owner.getByText('此方式不设见证人，也不能邀请观察员', { exact: false }).waitFor();
    expect(await owner.getByRole('button', { name: '添加观察员' }).count()).toBe(0);
    await owner.getByLabel('见证人录入数值').check();
    await owner.getByRole('button', { name: '添加观察员' }).click();
    await owner.locator('input[name="observers.0.userId"]').fill('not-an-account');
    await owner.locator('input[name="observers.0.label"]').fill('公证员 张敏');
    await owner.getByRole('button', { name: '保存并发布' }).click();
    // Refused by the projects API, the row's account field named.
    await owner.locator('[data-field="selection.observers.0.userId"].invalid').waitFor();
    await owner.locator('input[name="observers.0.userId"]').fill(notaryId);
    await screenshot(owner, 'owner-post-project');
    await owner.getByRole('button', { name: '保存并发布' }).click();
    await owner.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    projectId = owner.url().split('/').pop() as string;
    await owner.locator('[data-status="PUBLISHED"]').waitFor();
    expect(await owner.getByTestId('project-status').textContent()).toBe('报名中');
    expect(await owner.locator('[data-entropy-source]').textContent()).toBe('见证人录入数值');
  });

  it('lets three agencies sign up in the window', async () => {
    for (const firm of FIRMS.slice(0, 3)) {
      const agency = await open(firm.user as string);
      await agency.getByRole('navigation').getByRole('link', { name: '报名与竞价' }).click();
      const item = agency.locator(`[data-project="${projectId}"]`);
      await item.waitFor();
      if (firm === FIRMS[0]) await screenshot(agency, 'agency-projects');
      await item.getByRole('link', { name: '城西道路改造工程测绘服务' }).click();
      await agency.getByRole('button', { name: '报名', exact: true }).click();
      await agency.getByRole('status').filter({ hasText: '报名成功' }).waitFor();
      // Signed up, the panel offers withdrawal and no second sign-up.
      await agency.locator('[data-signed-up="true"]').getByRole('button', { name: '撤回报名' }).waitFor();
      expect(await agency.getByRole('button', { name: '报名', exact: true }).count()).toBe(0);
      // The agency's own list (GET /api/projects/sign-ups/mine) has it, awaiting selection.
      await agency.getByRole('navigation').getByRole('link', { name: '报名与竞价' }).click();
      await agency.locator(`[data-sign-up="${projectId}"][data-outcome="PENDING"]`).getByText('待选取').waitFor();
    }
    const owner = await open('owner');
    await owner.goto(`${m.base}/projects/${projectId}`);
    await owner.getByRole('heading', { name: '已报名机构（3）' }).waitFor();
  });

  it('freezes the pool when the window closes; the owner, a supervisor and the invited notary witness the draw, and the last value reveals it', async () => {
    m.clock.advance(97 * HOUR);
    const owner = await open('owner');
    await owner.goto(`${m.base}/projects/${projectId}`);
    const draw = owner.locator('[data-draw]');
    await draw.waitFor({ timeout: 30000 });
    drawId = (await draw.getAttribute('data-draw')) as string;
    await owner.getByLabel('见证数值').fill('8848');
    await screenshot(owner, 'owner-witness-draw');
    await owner.getByRole('button', { name: '录入见证数值' }).click();
    await draw.locator('[data-witness="OWNER"]').getByText('8848').waitFor();

    const supervisor = await open('supervisor');
    await supervisor.goto(`${m.base}/projects/${projectId}`);
    await supervisor.getByLabel('见证数值').fill('监督-2026');
    await supervisor.getByRole('button', { name: '录入见证数值' }).click();
    await supervisor.locator(`[data-witness="SUPERVISOR"]`).getByText('监督-2026').waitFor();
    // Still committed: the notary's slot is open, and the public sees who holds it by label.
    expect(await supervisor.locator('[data-draw]').getAttribute('data-status')).toBe('COMMITTED');
    expect(await supervisor.locator(`[data-witness="OBSERVER:${notaryId}"]`).textContent()).toContain('观察员（公证员 张敏）');

    const notary = await open('notary-zhang');
    await notary.getByRole('navigation').getByRole('link', { name: '我见证的抽取' }).click();
    const awaiting = notary.locator(`[data-draw="${drawId}"][data-awaiting="true"]`);
    await awaiting.getByText('等待您录入').waitFor();
    await awaiting.getByRole('link', { name: '城西道路改造工程测绘服务' }).click();
    await notary.getByLabel('见证数值').fill('公证 2026-117');
    await notary.getByRole('button', { name: '录入见证数值' }).click();
    await notary.locator('[data-draw][data-status="REVEALED"]').waitFor();
    await supervisor.reload();
    await supervisor.locator('[data-draw][data-status="REVEALED"]').waitFor();
    await supervisor.locator('[data-project][data-status="PUBLICITY"]').waitFor({ timeout: 20000 });
    const record = (await m.call('GET', `/api/draw/draws/${drawId}`)).body.record;
    // The conflicted firm never entered the pool; the winner is named, not shown as an id.
    expect(record.pool).not.toContain(m.firmIds[3]);
    const winner = FIRMS[m.firmIds.indexOf(record.winners[0])];
    expect(await supervisor.getByTestId('selection').textContent()).toContain(winner.name);
    await screenshot(supervisor, 'project-in-publicity');
  });

  it('lets a losing agency object during publicity and a supervisor dismiss the objection with a reason', async () => {
    const record = (await m.call('GET', `/api/draw/draws/${drawId}`)).body.record;
    const loser = FIRMS.slice(0, 3).find((_, i) => m.firmIds[i] !== record.winners[0]) as (typeof FIRMS)[number];
    const agency = await open(loser.user as string);
    await agency.goto(`${m.base}/projects/${projectId}`);
    await agency.getByLabel('质疑理由').fill('候选池应包含全部报名机构，请核实');
    await agency.getByRole('button', { name: '提交质疑' }).click();
    await agency.getByRole('status').filter({ hasText: '质疑已提交' }).waitFor();

    const supervisor = await open('supervisor');
    await supervisor.goto(`${m.base}/projects/${projectId}`);
    const objection = supervisor.locator('[data-objection][data-status="PENDING"]');
    await objection.getByLabel('裁定理由').fill('候选池与报名名单一致，抽取记录核验通过');
    await screenshot(supervisor, 'supervisor-objection');
    await objection.getByRole('button', { name: '提交裁定' }).click();
    await supervisor.locator('[data-objection][data-status="DISMISSED"]').waitFor();
  });

  it('shows the result in publicity on the home page, and the winner accepts once publicity is over', async () => {
    const visitor = await open(null);
    await visitor.goto(`${m.base}/`);
    const item = visitor.locator(`[data-project="${projectId}"]`);
    await item.getByText('公示中', { exact: false }).waitFor();
    await screenshot(visitor, 'home-announcements');

    m.clock.advance(4 * 24 * HOUR);
    await waitFor(() => m.call('GET', '/api/projects/announcements').then((r) => r.body.find((a: { id: string }) => a.id === projectId)?.status), (s) => s === 'AWARDED', { what: 'award after publicity', timeoutMs: 30000 });
    const record = (await m.call('GET', `/api/draw/draws/${drawId}`)).body.record;
    const winner = FIRMS[m.firmIds.indexOf(record.winners[0])];
    const agency = await open(winner.user as string);
    await agency.goto(`${m.base}/projects/${projectId}`);
    await agency.getByText('本机构中选，请在期限内答复。').waitFor();
    await screenshot(agency, 'agency-award');
    await agency.getByRole('button', { name: '接受中选' }).click();
    await agency.getByRole('status').filter({ hasText: '已接受中选' }).waitFor();
    await agency.getByRole('navigation').getByRole('link', { name: '报名与竞价' }).click();
    await agency.locator(`[data-sign-up="${projectId}"][data-outcome="SELECTED"]`).getByText('已接受').waitFor();
    const loserIndex = [0, 1, 2].find((i) => m.firmIds[i] !== record.winners[0]) as number;
    const loser = await open(FIRMS[loserIndex].user as string);
    await loser.getByRole('navigation').getByRole('link', { name: '报名与竞价' }).click();
    const fared = record.alternates.includes(m.firmIds[loserIndex]) ? 'ALTERNATE' : 'NOT_SELECTED';
    await loser.locator(`[data-sign-up="${projectId}"][data-outcome="${fared}"]`).waitFor();

    const owner = await open('owner');
    await owner.goto(`${m.base}/projects/${projectId}`);
    await owner.locator(`[data-testid="seats"] [data-agency="${record.winners[0]}"][data-accepted="true"]`).waitFor();
    // The owner's list (GET /api/projects/mine) says the contract is the owner's to record.
    await owner.getByRole('navigation').getByRole('link', { name: '我的项目' }).click();
    await owner.locator(`[data-project="${projectId}"] [data-next-action="RECORD_CONTRACT"]`).getByText('待您办理').waitFor();
  });

  it('lets the owner record contract, completion and evaluation, which reach the winner’s credit record', async () => {
    const record = (await m.call('GET', `/api/draw/draws/${drawId}`)).body.record;
    const winner = FIRMS[m.firmIds.indexOf(record.winners[0])];
    // The marketplace's calendar is Beijing's, on the test clock.
    const today = new Date(m.clock.now().getTime() + 8 * HOUR).toISOString().slice(0, 10);
    const owner = await open('owner');
    await owner.goto(`${m.base}/projects/${projectId}`);
    await owner.getByLabel('开始日期').fill('2026-01-01');
    await owner.getByRole('button', { name: '登记合同' }).click();
    // Before the award: refused, with the field named.
    await owner.getByRole('alert').filter({ hasText: '「开始日期」有误' }).first().waitFor();
    await owner.getByLabel('开始日期').fill(today);
    await owner.getByRole('button', { name: '登记合同' }).click();
    await owner.locator('[data-project][data-status="CONTRACTED"]').waitFor();
    await owner.getByLabel('完成日期').fill(today);
    await owner.getByRole('button', { name: '登记完成' }).click();
    await owner.locator('[data-project][data-status="COMPLETED"]').waitFor();
    await owner.getByLabel('服务质量（1–5）').selectOption('4');
    await owner.getByLabel('评价意见').fill('成果质量良好，按期提交');
    await owner.getByRole('button', { name: '提交评价' }).click();
    await owner.locator('[data-project][data-status="EVALUATED"]').waitFor();
    await screenshot(owner, 'owner-delivery');

    const agency = await open(winner.user as string);
    await agency.getByRole('navigation').getByRole('link', { name: '本机构信用' }).click();
    await agency.getByTestId('credit-score').waitFor();
    await waitFor(
      async () => {
        await agency.reload();
        await agency.getByTestId('credit-score').waitFor();
        return agency.locator('table').textContent();
      },
      (text) => (text ?? '').includes('履约质量评价'),
      { what: 'the evaluation in the credit record', timeoutMs: 30000, intervalMs: 1000 },
    );
    expect(await agency.getByText('按公开公式重新计算，与记录一致').count()).toBe(1);
    await screenshot(agency, 'agency-credit');
  });

  it('shows the public statistics computed from the log: the project, its draw, the contract and the delivery', async () => {
    const visitor = await open(null);
    await visitor.goto(`${m.base}/`);
    await visitor.getByRole('navigation').getByRole('link', { name: '统计' }).click();
    await visitor.getByTestId('statistics').waitFor();
    expect(Number(await visitor.locator('[data-figure="projects"] strong').textContent())).toBeGreaterThanOrEqual(1);
    const drawsByMonth = await visitor.locator('tr[data-month] td:nth-child(2)').allTextContents();
    expect(drawsByMonth.map(Number).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    await visitor.getByText('1 项完成', { exact: false }).waitFor();
    await screenshot(visitor, 'statistics');
  });

  it('lets anyone verify the draw in the browser', async () => {
    const visitor = await open(null);
    await visitor.goto(`${m.base}/projects/${projectId}`);
    await visitor.getByRole('link', { name: '核验本次抽取' }).click();
    await visitor.waitForURL(`**/verify?draw=${drawId}`);
    await visitor.getByRole('status').filter({ hasText: '核验通过' }).waitFor();
    expect(await visitor.locator('[data-check][data-ok="false"]').count()).toBe(0);
    await screenshot(visitor, 'verify-draw');
  });

  it('lets a supervisor open the project’s record, check every inclusion proof, and verify the whole log', async () => {
    const supervisor = await open('supervisor');
    await supervisor.getByRole('navigation').getByRole('link', { name: '项目监督' }).click();
    await supervisor.getByTestId('fairness').getByText('基于日志中的 1 次抽取', { exact: false }).waitFor();
    await screenshot(supervisor, 'supervisor-projects');
    await supervisor.locator(`[data-project="${projectId}"]`).getByRole('link', { name: '查看选取记录与证明' }).click();
    await supervisor.getByTestId('project-record').waitFor();
    await supervisor.getByRole('button', { name: '生成新的检查点' }).click();
    const summary = supervisor.getByTestId('proofs-summary');
    await waitFor(() => summary.textContent(), (text) => /^(\d+)\/\1 条记录/.test(text ?? '') && !(text ?? '').startsWith('0/'), { what: 'every proof verified' });
    expect(await supervisor.locator('[data-proof="bad"]').count()).toBe(0);
    await screenshot(supervisor, 'supervisor-project-record');

    // Exports: the record as CSV, one row per log entry, and the OCDS release package.
    const [csv] = await Promise.all([supervisor.waitForEvent('download'), supervisor.getByRole('button', { name: '导出 CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe(`record-${projectId}.csv`);
    expect(readFileSync(await csv.path(), 'utf8')).toContain('draw.DrawRevealed');
    const [ocds] = await Promise.all([supervisor.waitForEvent('download'), supervisor.getByRole('button', { name: '导出 OCDS' }).click()]);
    const releasePackage = JSON.parse(readFileSync(await ocds.path(), 'utf8'));
    expect(releasePackage.releases.length).toBeGreaterThanOrEqual(1);

    await supervisor.getByRole('navigation').getByRole('link', { name: '核验日志' }).click();
    await supervisor.getByRole('button', { name: '下载并核验' }).click();
    await supervisor.getByTestId('log-verdict').waitFor({ timeout: 30000 });
    expect(await supervisor.getByTestId('log-verdict').textContent()).toMatch(/^日志核验通过/);
    await screenshot(supervisor, 'supervisor-verify-log');
  });

  it('lets a supervisor suspend a firm for a period, which the public directory shows', async () => {
    const supervisor = await open('supervisor');
    await supervisor.getByRole('navigation').getByRole('link', { name: '暂停与黑名单' }).click();
    await supervisor.getByLabel('机构').selectOption(m.firmIds[2]);
    await supervisor.getByLabel('处理').selectOption('SUSPENDED');
    await supervisor.getByLabel('理由').fill('无正当理由放弃中选');
    await supervisor.getByLabel('结束时间').fill(beijingInput(new Date(m.clock.now().getTime() + 30 * 24 * HOUR)));
    await supervisor.getByRole('button', { name: '执行' }).click();
    await supervisor.getByRole('status').filter({ hasText: '处理已记录' }).waitFor();
    await screenshot(supervisor, 'supervisor-sanctions');
    const visitor = await open(null);
    await visitor.goto(`${m.base}/directory/${m.firmIds[2]}`);
    await visitor.getByRole('heading', { name: '正在执行的处罚' }).waitFor();
    await screenshot(visitor, 'agency-profile');
  });

  it('lets the operator publish a service item with its standard and retire another with a reason', async () => {
    const admin = await open('admin');
    await admin.getByRole('navigation').getByRole('link', { name: '服务目录' }).click();
    const form = admin.locator('form').filter({ hasText: '新增服务事项' });
    await form.getByLabel('代码').fill('SURVEY-BRIDGE-CHECK');
    await form.getByLabel('所属类别').selectOption('SURVEY');
    await form.getByLabel('名称（中文）').fill('桥梁变形监测');
    await form.getByLabel('名称（英文）').fill('Bridge deformation monitoring');
    await form.getByLabel('服务内容（中文）').fill('对桥梁结构进行周期性变形监测并出具报告');
    await form.getByLabel('服务内容（英文）').fill('Periodic deformation monitoring of bridge structures, with a report');
    await form.getByLabel('设立依据').fill('《城市桥梁养护技术标准》');
    await form.getByLabel(/办理流程/).fill('现场测量 | Field measurement\n出具报告 | Report');
    await form.getByLabel('收费依据（中文）').fill('按监测点数计费');
    await form.getByLabel('收费依据（英文）').fill('Per monitoring point');
    await form.getByLabel('标准收费（元）').fill('8000');
    await form.getByLabel('办理时限（工作日）').fill('15');
    await form.getByLabel('所需资质类型').fill('SURVEYING_AND_MAPPING');
    await form.getByLabel('最低资质等级').fill('3');
    await form.getByRole('button', { name: '发布事项' }).click();
    await form.getByRole('status').filter({ hasText: '服务事项已发布' }).waitFor();

    const survey = admin.locator('details').filter({ hasText: '测绘' }).first();
    await survey.locator('summary').click();
    await survey.locator('[data-item="SURVEY-BRIDGE-CHECK"]').waitFor();
    const setout = survey.locator('[data-item="SURVEY-SETOUT"]');
    await setout.getByLabel('停用理由').fill('并入规划核实测量');
    await setout.getByRole('button', { name: '停用' }).click();
    await setout.waitFor({ state: 'detached' });
    await screenshot(admin, 'admin-catalog');
  });

  it('refuses a wrong password in the user’s language, keeps the language chosen, and keeps role pages to their role', async () => {
    const visitor = await open(null);
    await visitor.goto(`${m.base}/login`);
    await visitor.getByLabel('用户名').fill('owner');
    await visitor.getByLabel('密码').fill('not-the-password');
    await visitor.getByRole('button', { name: '登录', exact: true }).click();
    await visitor.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();

    await visitor.getByRole('button', { name: /English/ }).click();
    await visitor.reload();
    await visitor.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await visitor.evaluate(() => document.documentElement.lang)).toBe('en');

    const agency = await open(FIRMS[0].user as string);
    await agency.goto(`${m.base}/owner/projects/new`);
    await agency.getByText('此页面需要以项目业主身份登录。').waitFor();
    // The refresh token is out of the page's reach: HttpOnly cookies that only /refresh and /logout receive.
    const refreshCookies = (await agency.context().cookies()).filter((c) => c.name === 'mkt_refresh');
    expect(refreshCookies.map((c) => [c.path, c.httpOnly, c.sameSite]).sort()).toEqual([['/api/identity/logout', true, 'Strict'], ['/api/identity/refresh', true, 'Strict']]);
    expect(await agency.evaluate(() => [document.cookie, sessionStorage.length])).toEqual(['mkt_session=1', 0]);
    // A reload resumes the session through the cookie.
    await agency.reload();
    await agency.getByTestId('session').waitFor();
    await agency.getByRole('button', { name: '退出登录' }).click();
    await agency.getByRole('link', { name: '登录' }).first().waitFor();
    expect(await agency.context().cookies()).toEqual([]);
    await agency.reload();
    await agency.getByRole('link', { name: '登录' }).first().waitFor();
  });

  it('lets the owner repost a failed round without a sign-up window, then cancel it with a reason', async () => {
    // A second project whose window closes with nobody signed up: the round fails (流标).
    const token = (await m.call('POST', '/api/identity/login', { body: { username: 'owner', password: PASSWORD } })).body.accessToken as string;
    const now = m.clock.now();
    const draft = await m.call('POST', '/api/projects/projects', {
      token,
      body: {
        title: '滨江道路竣工测量', serviceItemCode: 'SURVEY-MAPPING', description: '竣工测量', budgetCapFen: 3_000_000, requiredLevel: 2, region: '330100', servicePeriodDays: 10,
        selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 0, minimumCandidates: 3 },
        signUp: { mode: 'WINDOW', opensAt: now.toISOString(), closesAt: new Date(now.getTime() + 73 * HOUR).toISOString() },
      },
    });
    expect(draft.status).toBe(201);
    expect((await m.call('POST', `/api/projects/projects/${draft.body.id}/publish`, { token })).status).toBe(200);
    m.clock.advance(74 * HOUR);
    const owner = await open('owner');
    await owner.goto(`${m.base}/projects/${draft.body.id}`);
    await owner.locator('[data-project][data-status="FAILED"]').waitFor({ timeout: 30000 });
    await owner.getByLabel('重新发布说明').fill('改为所有符合条件的机构参加');
    await owner.getByRole('button', { name: '重新发布（下一轮）' }).click();
    await owner.locator('[data-project][data-status="PUBLISHED"]').waitFor();
    expect(await owner.getByText('所有符合条件的机构参加，无需报名').count()).toBe(1);
    await owner.getByRole('button', { name: '取消项目' }).click();
    // No reason: refused, and the form names the field.
    await owner.getByRole('alert').filter({ hasText: '「取消理由」有误' }).first().waitFor();
    await owner.getByLabel('取消理由').fill('项目资金计划调整');
    await owner.getByRole('button', { name: '取消项目' }).click();
    await owner.locator('[data-project][data-status="CANCELLED"]').waitFor();
  });

  it('works on a narrow screen: the directory folds its table and the menu opens on demand', async () => {
    const phone = await open(null, 390);
    await phone.goto(`${m.base}/directory`);
    await phone.locator(`[data-agency="${m.firmIds[0]}"]`).waitFor();
    expect(await phone.locator('#main-nav').isVisible()).toBe(false);
    await phone.getByRole('button', { name: '主导航' }).click();
    expect(await phone.locator('#main-nav').isVisible()).toBe(true);
    await screenshot(phone, 'directory-narrow');
  });
});
