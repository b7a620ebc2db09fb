import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { AGENCY_IMPORT_COLUMNS, creditCodeCheckCharacter } from '@mkt/registry/core';
import { pageOpener, screenshot, startMarketplace, type Marketplace } from './marketplace-harness';

/**
 * The operator's bulk import in the browser: a file with mistakes imports nothing and lists every problem by row
 * and column (in Chinese, in English, and on a phone); a few hundred firms go up with a progress bar on a slow
 * link and land in the directory; catalog items with a new category are published.
 */
const HEADER = AGENCY_IMPORT_COLUMNS.map((c) => c.name);

/** A valid GB 32100 code from a serial: `91330100MA` + 7 characters + the check character. */
function creditCode(serial: number): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let digits = '';
  for (let i = 0, n = serial; i < 7; i++, n = Math.floor(n / 31)) digits = alphabet[n % 31] + digits;
  const body = `91330100MA${digits}`;
  return body + creditCodeCheckCharacter(body);
}

function agencyRow(values: Partial<Record<string, string>>, serial: number): string {
  const row: Record<string, string> = {
    name: `富阳测绘第${serial}分院`, creditCode: creditCode(serial), region: '330100', legalRepresentative: '孙立', contactName: '孙红', contactPhone: '13900000000', contactEmail: '',
    qualificationType: 'SURVEYING_AND_MAPPING', level: '2', certificateNumber: `甲测资字${33_000_000 + serial}`, issuer: '浙江省自然资源厅', validFrom: '2026-01-01', validUntil: '2029-06-30', serviceItems: 'SURVEY-MAPPING',
    ...values,
  };
  return HEADER.map((c) => row[c] ?? '').join(',');
}

const csv = (rows: string[]) => Buffer.from(`\uFEFF${HEADER.join(',')}\r\n${rows.join('\r\n')}\r\n`, 'utf8');

// Row 2 is fine; row 3 has a wrong check character, row 4 offers an item nobody can hold, row 5 has a 5-digit region.
const BAD_FILE = csv([
  agencyRow({}, 1),
  agencyRow({ creditCode: `${creditCode(2).slice(0, 17)}${creditCode(2)[17] === '0' ? '1' : '0'}` }, 2),
  agencyRow({ serviceItems: 'NO-SUCH-ITEM' }, 3),
  agencyRow({ region: '33010' }, 4),
]);

async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.locator('input[name="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

describe('bulk import journey (browser)', () => {
  let m: Marketplace;
  const pages = pageOpener(() => m);

  beforeAll(async () => {
    m = await startMarketplace();
  }, 120000);

  afterAll(async () => {
    await pages.closeAll();
    await m?.close();
  });

  it('imports nothing from a file with mistakes and names each row and column at fault', async () => {
    const admin = await pages.open('admin');
    await admin.getByRole('navigation').getByRole('link', { name: '批量导入' }).click();
    await admin.getByTestId('imports').waitFor();
    // The template carries the very columns the server reads.
    await admin.getByText('文件列', { exact: false }).click();
    const [template] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: '下载模板（CSV）' }).click()]);
    expect(readFileSync(await template.path(), 'utf8').split('\r\n')[0]).toBe(`\uFEFF${HEADER.join(',')}`);

    await chooseFile(admin, 'firms-with-mistakes.csv', BAD_FILE);
    await admin.getByRole('button', { name: '上传并导入' }).click();
    const errors = admin.getByTestId('import-errors');
    await errors.waitFor();
    expect(await admin.locator('.notice.bad[data-field="file"]').textContent()).toBe('「文件」有误：未导入任何数据：文件中有 3 处问题，改正后请重新上传整份文件。');
    expect(await admin.locator('#file-error').textContent()).toContain('未导入任何数据');
    const rows = await errors.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-row')}:${tr.getAttribute('data-column')}:${tr.getAttribute('data-code')}`));
    expect(rows).toEqual(['3:creditCode:REGISTRY.INVALID_CREDIT_CODE', '4:serviceItems:REGISTRY.UNKNOWN_ITEM', '5:region:REGISTRY.INVALID_REGION']);
    expect(await errors.locator('tr[data-row="3"]').textContent()).toContain('统一社会信用代码无效');
    expect(await admin.locator('[data-field="file"].invalid').count()).toBe(1);
    await screenshot(admin, 'admin-import-errors');
    // Whole file or nothing: the good row 2 was not imported either.
    const directory = (await m.call('GET', '/api/registry/directory?q=富阳测绘&limit=500')).body as { name: string }[];
    expect(directory).toEqual([]);
  });

  it('says the same in English and fits a phone’s screen', async () => {
    const phone = await pages.open('admin', 390);
    await phone.getByRole('button', { name: /English/ }).click();
    await phone.goto(`${m.base}/admin/imports`);
    await phone.getByRole('heading', { name: 'Bulk import' }).waitFor();
    await chooseFile(phone, 'firms-with-mistakes.csv', BAD_FILE);
    await phone.getByRole('button', { name: 'Upload and import' }).click();
    const errors = phone.getByTestId('import-errors');
    await errors.getByRole('heading', { name: 'Problems in the file (3)' }).waitFor();
    expect(await phone.locator('.notice.bad[data-field="file"]').textContent()).toBe('File: Nothing was imported: the file has 3 problems. Correct them and upload the whole file again.');
    expect(await errors.locator('tr[data-row="5"]').textContent()).toContain('region');
    // The table folds into one card per row: nothing wider than the screen.
    expect(await errors.locator('thead').isVisible()).toBe(false);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone, 'admin-import-errors-narrow');
  });

  it('uploads four hundred firms with a progress bar on a slow link, then lists them, each in the directory', async () => {
    const firms = 400;
    const file = csv(Array.from({ length: firms }, (_, i) => agencyRow({}, 100 + i)));
    const admin = await pages.open('admin');
    await admin.goto(`${m.base}/admin/imports`);
    await chooseFile(admin, 'firms.csv', file);
    // A slow uplink (12 KiB/s), so the upload takes seconds and its progress can be seen (Chromium reports it per 16 KiB).
    const cdp = await admin.context().newCDPSession(admin);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 12 * 1024 });
    await admin.getByRole('button', { name: '上传并导入' }).click();
    const progress = admin.getByTestId('upload-progress');
    await progress.waitFor();
    const seen: number[] = [];
    while (await progress.isVisible()) {
      const loaded = Number(await progress.getAttribute('data-loaded').catch(() => null));
      if (loaded > 0 && seen[seen.length - 1] !== loaded) seen.push(loaded);
      if (seen.length === 3) await screenshot(admin, 'admin-import-progress');
      await admin.waitForTimeout(100);
    }
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    // Several readings on the way up, each further along, the total being the request's size.
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen[0]).toBeLessThan(file.length);

    // Sent: the server now checks and writes every row, which the page says while it waits.
    const result = admin.getByTestId('import-result');
    expect(await admin.getByTestId('import-processing').or(result).textContent()).toMatch(/服务器正在逐行核对并写入|已导入/);
    await result.waitFor({ timeout: 60000 });
    expect(await result.getByRole('status').textContent()).toBe(`已导入 ${firms} 家机构（${firms} 行），均已在册并可参加选取。`);
    expect(await result.locator('tbody tr').count()).toBe(firms);
    const first = result.locator('tbody tr').first();
    expect(await first.textContent()).toContain(creditCode(100));
    await first.getByRole('link', { name: '查看' }).click();
    await admin.getByRole('heading', { name: '富阳测绘第100分院' }).waitFor();
  });

  it('publishes catalog items with a new category from a file', async () => {
    const columns = ['categoryCode', 'categoryNameZh', 'categoryNameEn', 'code', 'nameZh', 'nameEn', 'contentZh', 'contentEn', 'legalBasis', 'timeLimitWorkingDays', 'processStepsZh', 'processStepsEn', 'feeBasisZh', 'feeBasisEn', 'standardFeeFen', 'qualificationType', 'minimumLevel'];
    const items = [
      ['MARINE', '海洋调查', 'Marine survey', 'MARINE-BATHYMETRY', '水深测量', 'Bathymetric survey', '测定水下地形', 'Underwater topography', '《海洋测绘管理规定》', '20', '外业测量|内业成图', 'Field work|Mapping', '按面积计费', 'Per square kilometre', '', 'SURVEYING_AND_MAPPING', '2'],
      ['MARINE', '', '', 'MARINE-TIDE', '潮位观测', 'Tide observation', '设站观测潮位', 'Tide gauge observation', '《海洋测绘管理规定》', '10', '设站|观测|报告', 'Station|Observation|Report', '按站日计费', 'Per station-day', '1200000', 'SURVEYING_AND_MAPPING', '3'],
    ];
    const file = Buffer.from(`${columns.join(',')}\n${items.map((r) => r.join(',')).join('\n')}\n`, 'utf8');
    const admin = await pages.open('admin');
    await admin.goto(`${m.base}/admin/imports`);
    await admin.getByLabel('服务事项（每个新事项一行）').check();
    await chooseFile(admin, 'items.csv', file);
    await admin.getByRole('button', { name: '上传并导入' }).click();
    const result = admin.getByTestId('import-result');
    await result.getByText('已发布 2 个服务事项，新建 1 个类别。').waitFor();
    expect(await result.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-item')))).toEqual(['MARINE-BATHYMETRY', 'MARINE-TIDE']);
    const catalog = (await m.call('GET', '/api/registry/catalog')).body as { categories: { code: string; items: { code: string }[] }[] };
    expect(catalog.categories.find((c) => c.code === 'MARINE')?.items.map((i) => i.code)).toEqual(['MARINE-BATHYMETRY', 'MARINE-TIDE']);
  });
});
