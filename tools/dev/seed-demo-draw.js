// First-run demo in embedded mode: one project posted by a demo owner and selected by a witnessed draw, all
// through the public API as real users would do it, so a newcomer finds a draw to verify at /verify.
// Run by start-embedded.js once the app is healthy; a marker file in DATA_DIR keeps it to the first start.
const { existsSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { demoApi } = require('./demo-api');

async function seedDemoDraw({ baseUrl, dataDir, log = console.log }) {
  const marker = join(dataDir, 'demo-draw-seeded');
  if (existsSync(marker)) return;
  const api = demoApi(baseUrl);
  const { call, poll } = api;
  const signIn = async (username) => (await api.signIn(username)).accessToken;
  const owner = await signIn('owner-hz-transport');
  const supervisor = await signIn('supervisor');

  // The demo agencies reach the draw service's read model through events; wait until the pool is there.
  await poll(async () => (await call('GET', '/api/draw/pool-preview?serviceItemCode=EIA-REPORT&requiredLevel=2&on=2026-12-01', owner)).pool.length >= 3, 'demo agencies in the draw read model');
  const { id } = await call('POST', '/api/projects/projects', owner, {
    title: '演示：城东污水处理厂扩建工程环境影响评价',
    serviceItemCode: 'EIA-REPORT',
    description: '编制环境影响报告书（演示数据）',
    budgetCapFen: 18_000_000,
    requiredLevel: 2,
    region: '330100',
    servicePeriodDays: 60,
    selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 1, minimumCandidates: 3 },
    signUp: { mode: 'ALL_ELIGIBLE' },
  });
  await call('POST', `/api/projects/projects/${id}/publish`, owner);
  await call('POST', `/api/projects/projects/${id}/request-selection`, owner);
  const [draw] = await poll(async () => {
    const draws = await call('GET', `/api/draw/projects/${id}/draws`);
    return draws.length > 0 && draws;
  }, 'the draw commitment');
  await call('POST', `/api/draw/draws/${draw.drawId}/witness-values`, owner, { value: '城东 2026' });
  const revealed = await call('POST', `/api/draw/draws/${draw.drawId}/witness-values`, supervisor, { value: '监督见证 7391' });
  writeFileSync(marker, `${draw.drawId}\n`);
  log(`Demo draw ${draw.drawId} revealed (winner ${revealed.winners[0]}): verify it at ${baseUrl}/verify?draw=${draw.drawId}`);
}

module.exports = { seedDemoDraw };
