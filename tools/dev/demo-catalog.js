// Distributed mode starts with an empty catalog, and no project can be posted for an item the catalog lacks. On a
// first start the launcher loads the demo catalog (16 categories, 56 items — the one embedded mode seeds) the way
// an operator would: signed in as the bootstrap ADMIN, through the registry's CSV import.
require('@swc-node/register');
const { DEMO_CATEGORIES, DEMO_SERVICE_ITEMS } = require('../../libs/registry/core/src/demo-catalog');

const COLUMNS = [
  'categoryCode', 'categoryNameZh', 'categoryNameEn', 'code', 'nameZh', 'nameEn', 'contentZh', 'contentEn', 'legalBasis', 'timeLimitWorkingDays',
  'processStepsZh', 'processStepsEn', 'feeBasisZh', 'feeBasisEn', 'standardFeeFen', 'qualificationType', 'minimumLevel',
];

const cell = (value) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function demoCatalogCsv() {
  const categories = new Map(DEMO_CATEGORIES.map((c) => [c.code, c]));
  const rows = DEMO_SERVICE_ITEMS.map((i) => {
    const category = categories.get(i.categoryCode);
    return [
      i.categoryCode, category.name.zhCN, category.name.en, i.code, i.name.zhCN, i.name.en, i.content.zhCN, i.content.en, i.legalBasis, i.timeLimitWorkingDays,
      i.processSteps.map((s) => s.zhCN).join('|'), i.processSteps.map((s) => s.en).join('|'), i.feeBasis.zhCN, i.feeBasis.en, i.standardFeeFen, i.qualificationType, i.minimumLevel,
    ].map(cell).join(',');
  });
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

async function loadDemoCatalog({ baseUrl, adminUsername, adminPassword, log = console.log }) {
  const catalog = await (await fetch(`${baseUrl}/api/registry/catalog`)).json();
  if ((catalog.categories ?? []).some((c) => c.items.length > 0)) return;
  const login = await fetch(`${baseUrl}/api/identity/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: adminUsername, password: adminPassword }) });
  if (!login.ok) throw new Error(`admin sign-in answered ${login.status}`);
  const { accessToken } = await login.json();
  const form = new FormData();
  form.append('file', new Blob([demoCatalogCsv()], { type: 'text/csv' }), 'demo-catalog.csv');
  const res = await fetch(`${baseUrl}/api/registry/imports/catalog`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` }, body: form });
  if (!res.ok) throw new Error(`catalog import answered ${res.status}: ${await res.text()}`);
  log(`Demo catalog loaded: ${DEMO_SERVICE_ITEMS.length} service items in ${DEMO_CATEGORIES.length} categories (DEMO_CATALOG=off skips it)`);
}

module.exports = { demoCatalogCsv, loadDemoCatalog };
