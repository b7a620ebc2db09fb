import { PASSWORD, pageOpener, screenshot, startMarketplace, type Marketplace } from './marketplace-harness';

/** A 1×1 PNG: the registry checks a scan's type by its bytes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/**
 * A new firm joins through the browser, in Chinese: its user signs up under a fresh firm id, the operator opens the
 * account, the user applies for registration with a certificate scan and the items it offers, the operator sends
 * it back with a reason, the firm corrects and resubmits it, and the operator approves it — after which the firm is
 * in the public directory and its record is its own. Access tokens last seconds here, so the UI's
 * refresh-and-repeat is exercised throughout.
 */
describe('agency registration journey (browser)', () => {
  let m: Marketplace;
  const pages = pageOpener(() => m);
  const open = pages.open;

  beforeAll(async () => {
    // Access tokens good for 3 s only: every step below outlives one, so the UI must refresh its session itself.
    m = await startMarketplace({ accessTokenTtlSeconds: 3 });
  }, 120000);

  afterAll(async () => {
    await pages.closeAll();
    await m?.close();
  });

  it('takes a new firm from its user’s sign-up to an approved registration', async () => {
    const visitor = await open(null);
    await visitor.goto(`${m.base}/sign-up`);
    await visitor.getByLabel('用户名').fill('survey-qiantang');
    await visitor.getByLabel('密码').fill(PASSWORD);
    await visitor.getByLabel('姓名或称呼').fill('钱塘测绘 · 周经理');
    await visitor.getByRole('button', { name: '新机构：生成机构编号' }).click();
    const firmId = await visitor.getByLabel('所属中介机构编号').inputValue();
    expect(firmId).toMatch(/^[0-9a-f-]{36}$/);
    await screenshot(visitor, 'sign-up');
    await visitor.getByRole('button', { name: '提交注册' }).click();
    await visitor.getByRole('status').filter({ hasText: '注册已提交' }).waitFor();

    const admin = await open('admin');
    await admin.getByRole('navigation').getByRole('link', { name: '账户审核' }).click();
    await admin.locator('[data-account="survey-qiantang"]').getByRole('button', { name: '开通账户' }).click();
    await admin.locator('[data-account="survey-qiantang"]').waitFor({ state: 'detached' });

    const agency = await open('survey-qiantang');
    const refreshes: string[] = [];
    agency.on('request', (request) => request.url().endsWith('/api/identity/refresh') && refreshes.push(request.url()));
    await agency.waitForTimeout(3500); // outlive the access token: the next calls answer 401 and the UI refreshes once
    await agency.getByRole('navigation').getByRole('link', { name: '入驻申请' }).click();
    await agency.getByText('尚未提交申请').waitFor();
    expect(refreshes.length).toBeGreaterThanOrEqual(1);
    expect(await agency.getByTestId('session').textContent()).toContain('钱塘测绘 · 周经理');
    await agency.getByRole('button', { name: '提交入驻申请' }).click();
    // Nothing filled in: refused, naming the first field at fault by its label.
    await agency.getByRole('alert').filter({ hasText: '有误' }).first().waitFor();

    await agency.getByLabel('机构名称').fill('钱塘测绘地理信息有限公司');
    await agency.getByLabel('统一社会信用代码').fill('91330100MA2DLM6N8E');
    await agency.getByLabel('法定代表人').fill('周立');
    await agency.getByLabel('联系人').fill('周经理');
    await agency.getByLabel('联系电话').fill('0571-88001234');
    await agency.getByLabel('资质类型').fill('SURVEYING_AND_MAPPING');
    await agency.getByLabel('等级（1 为最高）').fill('2');
    await agency.getByLabel('证书编号').fill('乙测资字 33100999');
    await agency.getByLabel('发证机关').fill('浙江省自然资源厅');
    await agency.getByLabel('有效期起').fill('2026-01-01');
    await agency.getByLabel('有效期至').fill('2029-12-31');
    await agency.locator('input[type="file"]').setInputFiles({ name: 'certificate.png', mimeType: 'image/png', buffer: PNG });
    await agency.getByText('已上传（SHA-256', { exact: false }).waitFor();
    await agency.getByLabel('拟提供的服务事项（可多选）').selectOption(['SURVEY-MAPPING']);
    await screenshot(agency, 'agency-registration');
    await agency.getByRole('button', { name: '提交入驻申请' }).click();
    await agency.locator('[data-registration][data-status="SUBMITTED"]').waitFor();

    await admin.getByRole('navigation').getByRole('link', { name: '入驻审核' }).click();
    const application = admin.locator('[data-registration][data-status="SUBMITTED"]');
    await application.getByText('钱塘测绘地理信息有限公司').waitFor();
    const [scan] = await Promise.all([admin.waitForEvent('popup'), application.getByRole('button', { name: '查看扫描件' }).click()]);
    expect(scan.url()).toMatch(/^blob:/);
    await scan.close();
    await screenshot(admin, 'admin-registrations');
    // Sent back first: a reason the firm can act on, shown in its own history; the corrected application comes back.
    await application.getByRole('radio', { name: '要求补正' }).check();
    await application.getByLabel('理由（驳回或要求补正时必填）').fill('请补充联系人电子邮箱');
    await application.getByRole('button', { name: '提交审核意见' }).click();
    await application.waitFor({ state: 'detached' });
    await agency.reload();
    await agency.locator('[data-registration][data-status="CHANGES_REQUESTED"]').getByText('请补充联系人电子邮箱', { exact: false }).waitFor();
    const resubmit = agency.getByTestId('resubmit-form');
    expect(await resubmit.getByLabel('机构名称').inputValue()).toBe('钱塘测绘地理信息有限公司');
    await resubmit.getByLabel('电子邮箱').fill('zhou@qiantang-survey.example');
    await resubmit.getByRole('button', { name: '补正后重新提交' }).click();
    await agency.locator('[data-registration][data-status="SUBMITTED"]').waitFor();

    await admin.reload();
    const corrected = admin.locator('[data-registration][data-status="SUBMITTED"]');
    await corrected.getByText('zhou@qiantang-survey.example', { exact: false }).waitFor();
    await corrected.getByRole('radio', { name: '通过' }).check();
    await corrected.getByRole('button', { name: '提交审核意见' }).click();
    await corrected.waitFor({ state: 'detached' });

    await visitor.goto(`${m.base}/directory/${firmId}`);
    await visitor.getByRole('heading', { name: '钱塘测绘地理信息有限公司' }).waitFor();
    await agency.getByRole('navigation').getByRole('link', { name: '本机构信用' }).click();
    await agency.getByText('SURVEY-MAPPING · 2 级', { exact: false }).waitFor();
    await agency.getByRole('navigation').getByRole('link', { name: '入驻申请' }).click();
    await agency.locator('[data-registration][data-status="APPROVED"]').waitFor();
  });
});
