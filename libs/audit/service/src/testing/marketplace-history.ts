import { BidSubmittedV1, BiddingClosedV1, BiddingDecidedV1, BiddingOpenedV1 } from '@mkt/bidding/contracts';
import { DrawCommittedV1, DrawRevealedV1 } from '@mkt/draw/contracts';
import {
  AgencyEvaluatedV1, AwardDeclinedV1, ContractRecordedV1, ProjectAwardedV1, ProjectPublishedV1, SelectionRecordedV1, SelectionRequestedV1, ServiceCompletedV1,
} from '@mkt/projects/contracts';
import { AgencyRegisteredV1, AgencyServiceItemsChangedV1, ServiceItemPublishedV1, ServiceItemRetiredV1 } from '@mkt/registry/contracts';
import type { EventContract } from '@mkt/shared/contracts';
import { eventEnvelope } from '@mkt/shared/testing';

/**
 * A small marketplace history as the producers publish it, for the audit service's specs: a catalog of three
 * items in two categories (one retired), four agencies, a random-draw project of `owner-a` taken to its
 * evaluation, and a bidding project of `owner-b` whose first winner declines. Every payload is checked against
 * its producer's contract, so the specs read events of the shape the services really send.
 */
export type Message = { topic: string; key: string; value: string };

export function message<P>(contract: EventContract<P>, aggregateId: string, payload: P, at: string): Message {
  const checked = contract.validate(payload);
  if (!checked.ok) throw new Error(`fixture ${contract.type} does not match its contract: ${JSON.stringify(checked.issues)}`);
  return { topic: contract.topic, key: aggregateId, value: JSON.stringify(eventEnvelope(contract, aggregateId, payload, new Date(at))) };
}

export const DRAW_PROJECT = '11111111-1111-4111-8111-111111111111';
export const BIDDING_PROJECT = '22222222-2222-4222-8222-222222222222';
export const AGENCIES = ['agency-1', 'agency-2', 'agency-3', 'agency-4'];
const HEX = (c: string) => c.repeat(64);

function item(code: string, category: string, timeLimitWorkingDays: number, standardFeeFen: number | null, catalogRevision: number, at: string): Message {
  return message(ServiceItemPublishedV1, code, {
    code, categoryCode: category, categoryNameZhCN: `类别${category}`, categoryNameEn: `category ${category}`, nameZhCN: `事项${code}`, nameEn: `item ${code}`,
    contentZhCN: '内容', contentEn: 'content', legalBasis: '依据', timeLimitWorkingDays, processStepsZhCN: ['受理'], processStepsEn: ['accept'],
    feeBasisZhCN: '收费依据', feeBasisEn: 'fee basis', standardFeeFen, qualificationType: 'Q', minimumLevel: 2, version: 1, reason: '', effectiveDate: at.slice(0, 10), catalogRevision,
  }, at);
}

function catalogAndAgencies(): Message[] {
  const at = '2026-01-05T02:00:00.000Z';
  return [
    item('EIA-REPORT', 'ENV', 20, 5_000_000, 1, at),
    item('EIA-TABLE', 'ENV', 10, 2_000_000, 2, at),
    item('SURVEY', 'GEO', 15, null, 3, at),
    message(ServiceItemRetiredV1, 'EIA-TABLE', { code: 'EIA-TABLE', version: 1, reason: '并入 EIA-REPORT', supersededBy: 'EIA-REPORT', effectiveDate: '2026-01-06', catalogRevision: 4 }, '2026-01-06T02:00:00.000Z'),
    ...AGENCIES.flatMap((agencyId, i) => [
      message(AgencyRegisteredV1, agencyId, { agencyId, name: `机构${i + 1}`, creditCode: '91350100M000100Y43', region: '350100' }, at),
      message(AgencyServiceItemsChangedV1, agencyId, { agencyId, serviceItems: i < 3 ? ['EIA-REPORT', 'SURVEY'] : ['SURVEY'], added: [], removed: [], sequence: 1 }, at),
    ]),
  ];
}

function drawProject(): Message[] {
  const projectId = DRAW_PROJECT;
  const drawId = 'draw-1';
  const owner = 'owner-a';
  return [
    message(ProjectPublishedV1, projectId, {
      projectId, round: 1, ownerOrganizationId: owner, title: '环评报告编制', serviceItemCode: 'EIA-REPORT', requiredLevel: 2, region: '350100',
      budgetCapFen: 6_000_000, servicePeriodDays: 30, method: 'RANDOM_DRAW', signUpClosesAt: null,
    }, '2026-01-10T02:00:00.000Z'),
    message(SelectionRequestedV1, projectId, {
      projectId, round: 1, method: 'RANDOM_DRAW', ownerOrganizationId: owner, serviceItemCode: 'EIA-REPORT', requiredLevel: 2, winners: 1, alternates: 1,
      minimumCandidates: 2, conflictAgencyIds: ['agency-4'], signedUpAgencyIds: null, entropySource: 'witnesses', witnesses: ['OWNER'], creditThreshold: null, weightFunction: null,
      rulesVersion: 'rules/2026-1', eligibleOn: '2026-01-20', bidding: null,
    }, '2026-01-20T02:00:00.000Z'),
    message(DrawCommittedV1, drawId, {
      drawId, projectId, round: 1, algorithm: 'draw/v1', rulesVersion: 'rules/2026-1', k: 1, m: 1, pool: ['agency-1', 'agency-2', 'agency-3'], poolHash: HEX('a'),
      exclusions: [{ agencyId: 'agency-4', reason: 'CONFLICT' }], exclusionsHash: HEX('b'), commitment: HEX('c'), entropySource: 'witnesses', witnesses: ['OWNER'],
      drandChainHash: null, drandRound: null, committedAt: '2026-01-20T02:01:00.000Z', revealDeadline: '2026-01-21T02:01:00.000Z', purpose: 'SELECTION', tieBreak: null,
    }, '2026-01-20T02:01:00.000Z'),
    message(DrawRevealedV1, drawId, {
      drawId, projectId, round: 1, poolSize: 3, secret: HEX('d'), seed: HEX('e'), winners: ['agency-2'], alternates: ['agency-1'], entropySource: 'witnesses',
      witnessValues: [{ witness: 'OWNER', value: '42' }], drandRound: null, drandSignature: null, drandRandomness: null, purpose: 'SELECTION', tieBreak: null,
    }, '2026-01-20T03:00:00.000Z'),
    message(SelectionRecordedV1, projectId, { projectId, round: 1, source: 'DRAW', sourceId: drawId, winners: ['agency-2'], succession: ['agency-1'], publicityEndsAt: '2026-01-25T03:00:00.000Z' }, '2026-01-20T03:00:01.000Z'),
    message(ProjectAwardedV1, projectId, { projectId, round: 1, winners: [{ agencyId: 'agency-2', respondBy: '2026-01-27T03:00:00.000Z' }] }, '2026-01-25T03:00:00.000Z'),
    // Contract at 4,000,000 fen against the item's standard fee of 5,000,000: 20 % below.
    message(ContractRecordedV1, projectId, { projectId, agencyId: 'agency-2', amountFen: 4_000_000, startDate: '2026-02-02', dueDate: '2026-03-03' }, '2026-02-01T02:00:00.000Z'),
    // 2026-02-02 (Mon) to 2026-02-13 (Fri): 10 working days against the item's 20.
    message(ServiceCompletedV1, projectId, { projectId, agencyId: 'agency-2', completionDate: '2026-02-13', onTime: true, daysLate: 0 }, '2026-02-13T09:00:00.000Z'),
    message(AgencyEvaluatedV1, projectId, {
      projectId, agencyId: 'agency-2', ownerOrganizationId: owner, serviceItemCode: 'EIA-REPORT', servicePeriodDays: 30, contractAmountFen: 4_000_000, onTime: true,
      daysLate: 0, quality: 5, feeCompliant: true, comment: '按时完成',
    }, '2026-02-14T02:00:00.000Z'),
  ];
}

function biddingProject(): Message[] {
  const projectId = BIDDING_PROJECT;
  const biddingId = 'bidding-1';
  const owner = 'owner-b';
  const evaluation = { kind: 'LOWEST_PRICE' } as const;
  const bids: [string, number][] = [['agency-3', 800_000], ['agency-4', 900_000], ['agency-1', 950_000]];
  return [
    message(ProjectPublishedV1, projectId, {
      projectId, round: 1, ownerOrganizationId: owner, title: '地形测绘', serviceItemCode: 'SURVEY', requiredLevel: 2, region: '350100',
      budgetCapFen: 1_000_000, servicePeriodDays: 20, method: 'BIDDING', signUpClosesAt: null,
    }, '2026-02-03T02:00:00.000Z'),
    message(SelectionRequestedV1, projectId, {
      projectId, round: 1, method: 'BIDDING', ownerOrganizationId: owner, serviceItemCode: 'SURVEY', requiredLevel: 2, winners: 1, alternates: 0, minimumCandidates: 2,
      conflictAgencyIds: [], signedUpAgencyIds: null, entropySource: 'witnesses', witnesses: ['OWNER'], creditThreshold: null, weightFunction: null, rulesVersion: 'rules/2026-1', eligibleOn: '2026-02-03',
      bidding: { deadline: '2026-02-10T02:00:00.000Z', capFen: 1_000_000, quoteForm: 'AMOUNT', evaluation, minimumValidBids: 2 },
    }, '2026-02-03T02:00:01.000Z'),
    message(BiddingOpenedV1, biddingId, {
      biddingId, projectId, round: 1, ownerOrganizationId: owner, serviceItemCode: 'SURVEY', requiredLevel: 2, deadline: '2026-02-10T02:00:00.000Z', capFen: 1_000_000,
      quoteForm: 'AMOUNT', standardFeeFen: null, evaluation, minimumValidBids: 2, winners: 1, openedAt: '2026-02-03T02:00:02.000Z',
    }, '2026-02-03T02:00:02.000Z'),
    ...bids.map(([agencyId], i) => message(BidSubmittedV1, biddingId, { biddingId, projectId, agencyId, commitment: HEX(String(i + 1)), acceptedAt: '2026-02-05T02:00:00.000Z' }, '2026-02-05T02:00:00.000Z')),
    message(BiddingClosedV1, biddingId, {
      biddingId, projectId, round: 1, closedAt: '2026-02-10T02:00:00.000Z', evaluation,
      revealed: bids.map(([agencyId, priceFen], i) => ({ agencyId, commitment: HEX(String(i + 1)), quote: { form: 'AMOUNT' as const, amountFen: priceFen }, servicePeriodDays: 20, note: null, salt: HEX('f'), priceFen, invalidReason: null })),
      mean: { sumFen: 2_650_000, count: 3 }, setAside: [], ranking: bids.map(([agencyId, priceFen], i) => ({ agencyId, priceFen, position: i + 1 })), tiedGroups: [], failure: null,
    }, '2026-02-10T02:00:00.000Z'),
    message(BiddingDecidedV1, biddingId, {
      biddingId, projectId, round: 1, outcome: 'SELECTED', validBidCount: 3, rankedBids: bids.map(([agencyId, priceFen]) => ({ agencyId, quote: { form: 'AMOUNT' as const, amountFen: priceFen }, priceFen })),
      tieBreakDrawIds: [], failure: null, decidedAt: '2026-02-10T02:00:01.000Z',
    }, '2026-02-10T02:00:01.000Z'),
    message(SelectionRecordedV1, projectId, { projectId, round: 1, source: 'BIDDING', sourceId: biddingId, winners: ['agency-3'], succession: ['agency-4', 'agency-1'], publicityEndsAt: '2026-02-15T02:00:00.000Z' }, '2026-02-10T02:00:02.000Z'),
    message(ProjectAwardedV1, projectId, { projectId, round: 1, winners: [{ agencyId: 'agency-3', respondBy: '2026-02-17T02:00:00.000Z' }] }, '2026-02-15T02:00:00.000Z'),
    message(AwardDeclinedV1, projectId, { projectId, round: 1, agencyId: 'agency-3', cause: 'DECLINED', reason: '人员不足' }, '2026-02-16T02:00:00.000Z'),
    message(ProjectAwardedV1, projectId, { projectId, round: 1, winners: [{ agencyId: 'agency-4', respondBy: '2026-02-19T02:00:00.000Z' }] }, '2026-02-16T02:00:01.000Z'),
    message(ContractRecordedV1, projectId, { projectId, agencyId: 'agency-4', amountFen: 900_000, startDate: '2026-03-02', dueDate: '2026-03-22' }, '2026-03-01T02:00:00.000Z'),
    // 2026-03-02 (Mon) to 2026-03-13 (Fri): 10 working days against the item's 15.
    message(ServiceCompletedV1, projectId, { projectId, agencyId: 'agency-4', completionDate: '2026-03-13', onTime: true, daysLate: 0 }, '2026-03-13T09:00:00.000Z'),
  ];
}

/** The whole history, in the order the producers published it. */
export function marketplaceHistory(): Message[] {
  return [...catalogAndAgencies(), ...drawProject(), ...biddingProject()];
}
