import Ajv from 'ajv';
import { amendedTerms, num, records, text, texts, type AmendedTerm, type LoggedEvent } from '../records/logged-event';
import { OCDS_RELEASE_PACKAGE_SUBSET_SCHEMA } from './ocds-release-subset.schema';

/** How the marketplace publishes: its OCID prefix (`ocds-` + 6 characters, registered with the OCDS helpdesk), name and package URI. */
export interface OcdsPublication {
  readonly ocidPrefix: string;
  readonly publisherName: string;
  readonly uri: string;
  readonly publishedDate: string;
  /** Agency ids to names, from the registry's events; an unknown agency is named by its id. */
  readonly agencyNames: ReadonlyMap<string, string>;
}

/** `procurementMethodDetails`: the method by its Chinese name and in English, as the announcement states it. */
export const OCDS_METHOD_DETAILS: Readonly<Record<string, string>> = {
  RANDOM_DRAW: '网上随机抽取 — online random draw among the qualified agencies (verifiable draw protocol draw/v1)',
  CREDIT_WEIGHTED_DRAW: '信用择优 — credit-weighted online random draw (verifiable draw protocol draw/v1)',
  BIDDING: '网上竞价 — sealed online bidding',
  DIRECT_SELECTION: '直接选取 — direct selection with a written justification',
};

type Json = Record<string, unknown>;
interface Award { id: string; status: string; date: string; supplier: string; round: number; amountFen: number | null }
interface Contract { id: string; awardID: string; status: string; amountFen: number; startDate: string; dueDate: string; dateSigned: string }

const yuan = (fen: number) => ({ amount: fen / 100, currency: 'CNY' });

/** OCDS `Amendment.description` ("free text, or semi-structured"): each changed term, then the documents it announces. */
function amendmentDescription(changes: readonly AmendedTerm[], documents: readonly Readonly<Record<string, unknown>>[]): string {
  const value = (v: AmendedTerm['before']) => (v === null ? '(none)' : String(v));
  const lines = changes.map((c) => `${c.term}: ${value(c.before)} → ${value(c.after)}`);
  for (const d of documents) lines.push(`document added: ${String(d['name'] ?? '')} (sha256 ${String(d['sha256'] ?? '')})`);
  return lines.join('; ');
}
// Contract dates are Beijing calendar dates; OCDS wants date-times.
const beijingDay = (date: string) => `${date}T00:00:00+08:00`;

/**
 * The project's OCDS 1.1 release package: one release per public step of its record — the tender at publication,
 * tender updates when its draw is committed or its bidding opens and closes, awards in publicity, awarded or
 * declined, contracts signed and completed. Each release is a snapshot of everything known at that step, and its
 * id carries the log position of the entry it comes from, so every release can be checked against the log. Null
 * when the log holds no publication of the project.
 */
export function ocdsReleasePackage(projectId: string, events: readonly LoggedEvent[], publication: OcdsPublication): Json | null {
  const ocid = `${publication.ocidPrefix}-${projectId}`;
  const nameOf = (agencyId: string) => publication.agencyNames.get(agencyId) ?? agencyId;
  let buyer: string | null = null;
  let tender: Json | null = null;
  let method = '';
  const winningPrices = new Map<string, number>();
  const tenderers = new Set<string>();
  const awards: Award[] = [];
  const contracts: Contract[] = [];
  const releases: Json[] = [];

  const releaseIdOf = (event: LoggedEvent) => `${projectId}-${event.position}`;
  const snapshot = (event: LoggedEvent, tag: string) => {
    if (!tender || !buyer) return;
    const suppliers = [...new Set(awards.map((a) => a.supplier))];
    releases.push({
      ocid,
      id: releaseIdOf(event),
      date: event.occurredAt,
      tag: [tag],
      initiationType: 'tender',
      language: 'zh',
      parties: [
        { id: buyer, name: buyer, roles: ['buyer', 'procuringEntity'] },
        ...[...new Set([...tenderers, ...suppliers])].map((id) => ({
          id, name: nameOf(id), roles: [...(tenderers.has(id) ? ['tenderer'] : []), ...(suppliers.includes(id) ? ['supplier'] : [])],
        })),
      ],
      buyer: { id: buyer, name: buyer },
      tender: { ...tender, ...(tenderers.size > 0 ? { numberOfTenderers: tenderers.size, tenderers: [...tenderers].map((id) => ({ id, name: nameOf(id) })) } : {}) },
      ...(awards.length ? {
        awards: awards.map((a) => ({
          id: a.id, title: `第${a.round}轮中选 — round ${a.round} selection`, status: a.status, date: a.date, suppliers: [{ id: a.supplier, name: nameOf(a.supplier) }],
          ...(a.amountFen !== null ? { value: yuan(a.amountFen) } : {}),
        })),
      } : {}),
      ...(contracts.length ? {
        contracts: contracts.map((c) => ({
          id: c.id, awardID: c.awardID, status: c.status, value: yuan(c.amountFen), period: { startDate: beijingDay(c.startDate), endDate: beijingDay(c.dueDate) }, dateSigned: c.dateSigned,
        })),
      } : {}),
    });
  };
  const awardOf = (agencyId: string, round: number, at: string): Award => {
    const id = `${projectId}-r${round}-${agencyId}`;
    let award = awards.find((a) => a.id === id);
    if (!award) {
      award = { id, status: 'pending', date: at, supplier: agencyId, round, amountFen: winningPrices.get(agencyId) ?? null };
      awards.push(award);
    }
    return award;
  };

  for (const event of events) {
    const p = event.payload;
    const round = num(p, 'round') ?? 1;
    switch (event.type) {
      case 'projects.ProjectPublished': {
        buyer = text(p, 'ownerOrganizationId');
        method = text(p, 'method') ?? '';
        const cap = num(p, 'budgetCapFen');
        tender = {
          id: `${projectId}-r${round}`,
          title: text(p, 'title') ?? '',
          status: 'active',
          items: [{ id: '1', description: text(p, 'title') ?? '', classification: { scheme: 'X-MKT-SERVICE-ITEM', id: text(p, 'serviceItemCode') ?? 'unknown' } }],
          ...(cap !== null ? { value: yuan(cap) } : {}),
          procurementMethod: method === 'DIRECT_SELECTION' ? 'direct' : 'selective',
          procurementMethodDetails: OCDS_METHOD_DETAILS[method] ?? method,
          ...(method === 'BIDDING' ? { submissionMethod: ['electronicSubmission'] } : {}),
        };
        tenderers.clear();
        snapshot(event, 'tender');
        break;
      }
      case 'projects.ProjectAmended': {
        if (!tender) break;
        const changes = amendedTerms(p);
        for (const { term, after } of changes) {
          if (term === 'title' && typeof after === 'string') {
            tender.title = after;
            tender.items = (tender.items as Json[]).map((i) => ({ ...i, description: after }));
          }
          if (term === 'serviceItemCode' && typeof after === 'string') {
            tender.items = (tender.items as Json[]).map((i) => ({ ...i, classification: { scheme: 'X-MKT-SERVICE-ITEM', id: after } }));
          }
          if (term === 'budgetCapFen' && typeof after === 'number') tender.value = yuan(after);
          if (term === 'selection.method' && typeof after === 'string') {
            method = after;
            tender.procurementMethod = method === 'DIRECT_SELECTION' ? 'direct' : 'selective';
            tender.procurementMethodDetails = OCDS_METHOD_DETAILS[method] ?? method;
            if (method === 'BIDDING') tender.submissionMethod = ['electronicSubmission'];
            else delete tender.submissionMethod;
          }
        }
        // OCDS 1.1 Amendment: the release before it holds the values it changed, this release the values after.
        const amendment = num(p, 'amendment');
        const description = amendmentDescription(changes, records(p, 'documents'));
        tender.amendments = [
          ...((tender.amendments as Json[] | undefined) ?? []),
          {
            id: amendment !== null ? String(amendment) : String(event.position),
            date: text(p, 'amendedAt') ?? event.occurredAt,
            rationale: text(p, 'reason') ?? '',
            ...(description ? { description } : {}),
            ...(releases.length ? { amendsReleaseID: releases[releases.length - 1]['id'] } : {}),
            releaseID: releaseIdOf(event),
          },
        ];
        // A formal change of the published notice (变更公告): OCDS keeps `tenderUpdate` for corrections and additions.
        snapshot(event, 'tenderAmendment');
        break;
      }
      case 'draw.DrawCommitted':
        if (!tender || text(p, 'purpose') === 'TIE_BREAK') break;
        tender.procurementMethodDetails = `${OCDS_METHOD_DETAILS[method] ?? method}; draw ${text(p, 'drawId')}, algorithm ${text(p, 'algorithm')}, pool of ${texts(p, 'pool').length}, commitment ${text(p, 'commitment')}`;
        snapshot(event, 'tenderUpdate');
        break;
      case 'bidding.BiddingOpened': {
        if (!tender) break;
        const rule = p['evaluation'] as Json | null | undefined;
        tender.procurementMethodDetails = `${OCDS_METHOD_DETAILS['BIDDING']}; bidding ${text(p, 'biddingId')}, quotes as ${text(p, 'quoteForm')}`;
        tender.awardCriteria = 'priceOnly';
        tender.awardCriteriaDetails = `evaluation rule ${String(rule?.['kind'] ?? 'unknown')}`;
        tender.tenderPeriod = { startDate: text(p, 'openedAt') ?? event.occurredAt, endDate: text(p, 'deadline') ?? event.occurredAt };
        snapshot(event, 'tenderUpdate');
        break;
      }
      case 'bidding.BiddingClosed':
        for (const bid of records(p, 'revealed')) if (typeof bid['agencyId'] === 'string') tenderers.add(bid['agencyId']);
        snapshot(event, 'tenderUpdate');
        break;
      case 'bidding.BiddingDecided':
        for (const bid of records(p, 'rankedBids')) {
          if (typeof bid['agencyId'] === 'string' && typeof bid['priceFen'] === 'number') winningPrices.set(bid['agencyId'], bid['priceFen']);
        }
        break;
      case 'projects.RoundFailed':
        if (tender) tender.status = 'unsuccessful';
        snapshot(event, 'tenderUpdate');
        break;
      case 'projects.ProjectCancelled':
        if (tender) tender.status = 'cancelled';
        snapshot(event, 'tenderCancellation');
        break;
      case 'projects.SelectionRecorded':
        for (const agencyId of texts(p, 'winners')) awardOf(agencyId, round, event.occurredAt);
        if (tender) tender.status = 'complete';
        snapshot(event, 'award');
        break;
      case 'projects.ProjectAwarded':
        for (const winner of records(p, 'winners')) if (typeof winner['agencyId'] === 'string') awardOf(winner['agencyId'], round, event.occurredAt).status = 'active';
        snapshot(event, 'awardUpdate');
        break;
      case 'projects.AwardDeclined': {
        const agencyId = text(p, 'agencyId');
        if (agencyId) awardOf(agencyId, round, event.occurredAt).status = 'cancelled';
        snapshot(event, 'awardCancellation');
        break;
      }
      case 'projects.ContractRecorded': {
        const agencyId = text(p, 'agencyId') ?? '';
        const award = [...awards].reverse().find((a) => a.supplier === agencyId && a.status !== 'cancelled') ?? awardOf(agencyId, round, event.occurredAt);
        contracts.push({
          id: `${projectId}-c-${agencyId}`, awardID: award.id, status: 'active', amountFen: num(p, 'amountFen') ?? 0,
          startDate: text(p, 'startDate') ?? '', dueDate: text(p, 'dueDate') ?? '', dateSigned: event.occurredAt,
        });
        snapshot(event, 'contract');
        break;
      }
      case 'projects.ServiceCompleted': {
        const contract = contracts.find((c) => c.id === `${projectId}-c-${text(p, 'agencyId')}`);
        if (contract) contract.status = 'terminated'; // OCDS 1.1: signed, in force, and now come to a close
        snapshot(event, 'contractTermination');
        break;
      }
    }
  }
  if (releases.length === 0) return null;
  return { uri: publication.uri, version: '1.1', publishedDate: publication.publishedDate, publisher: { name: publication.publisherName }, releases };
}

const ajv = new Ajv({ allErrors: true, strict: false });
// RFC 3339 date-times, as OCDS requires; Date.parse rejects impossible dates the pattern lets through.
ajv.addFormat('date-time', { type: 'string', validate: (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && Number.isFinite(Date.parse(s)) });
ajv.addFormat('uri-reference', /^\S+$/);
ajv.addFormat('uri', /^[a-zA-Z][a-zA-Z0-9+.-]*:\S*$/);

/** Checks a release package against a schema (by default the subset above) and says what does not hold, by path. */
export function ocdsSchemaValidator(schema: object = OCDS_RELEASE_PACKAGE_SUBSET_SCHEMA): (releasePackage: unknown) => { ok: boolean; errors: string[] } {
  const check = ajv.compile(schema);
  return (releasePackage) => (check(releasePackage) ? { ok: true, errors: [] } : { ok: false, errors: (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`) });
}
