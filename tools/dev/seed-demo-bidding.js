// First-run demo in embedded mode: a bidding project (竞价) posted by the demo owner, with sealed bids from two
// demo firms and a deadline a few minutes after the first start — so a newcomer sees a round while it is sealed
// (commitments only) and, after the deadline, its reveal and result. Everything goes through the public API.
const { existsSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { demoApi } = require('./demo-api');

const SEALED_FOR_MS = 3 * 60_000;

async function seedDemoBidding({ baseUrl, dataDir, log = console.log }) {
  const marker = join(dataDir, 'demo-bidding-seeded');
  if (existsSync(marker)) return;
  const { call, signIn, poll } = demoApi(baseUrl);

  const owner = (await signIn('owner-hz-transport')).accessToken;
  const bidders = [
    { session: await signIn('agency-eia-1'), amountFen: 13_800_000, servicePeriodDays: 50 },
    { session: await signIn('agency-eia-2'), amountFen: 13_250_000, servicePeriodDays: 55 },
  ];
  const today = new Date().toISOString().slice(0, 10);
  for (const { session } of bidders) {
    const agencyId = session.account.organizationId;
    await poll(
      async () => (await call('GET', `/api/bidding/bidders/${agencyId}/standing?serviceItemCode=EIA-REPORT&requiredLevel=2&on=${today}`, session.accessToken)).mayBid,
      `${agencyId} in the bidding read model`,
    );
  }

  const deadline = new Date(Date.now() + SEALED_FOR_MS).toISOString();
  const { id } = await call('POST', '/api/projects/projects', owner, {
    title: '演示：西湖区排水管网改造环境影响评价（竞价）',
    serviceItemCode: 'EIA-REPORT',
    description: '编制环境影响报告表，竞价选取（演示数据）',
    budgetCapFen: 15_000_000,
    requiredLevel: 2,
    region: '330100',
    servicePeriodDays: 60,
    selection: { method: 'BIDDING', winners: 1, minimumValidBids: 2, evaluation: { rule: 'LOWEST_PRICE' }, quoteForm: 'AMOUNT', bidDeadline: deadline },
    signUp: { mode: 'ALL_ELIGIBLE' },
  });
  // Marked as soon as the project exists: a restart in the middle never posts a second demo project.
  writeFileSync(marker, `${id}\n`);
  await call('POST', `/api/projects/projects/${id}/publish`, owner);
  await call('POST', `/api/projects/projects/${id}/request-selection`, owner);
  const [round] = await poll(async () => {
    const rounds = await call('GET', `/api/bidding/projects/${id}/biddings`);
    return rounds.length > 0 && rounds;
  }, 'the bidding round to open');
  for (const { session, amountFen, servicePeriodDays } of bidders) {
    await call('POST', `/api/bidding/biddings/${round.biddingId}/bids`, session.accessToken, { quote: { form: 'AMOUNT', amountFen }, servicePeriodDays, note: '演示报价' });
  }
  log(`Demo bidding round sealed until ${deadline}: ${baseUrl}/biddings/${round.biddingId}`);
}

module.exports = { seedDemoBidding };
