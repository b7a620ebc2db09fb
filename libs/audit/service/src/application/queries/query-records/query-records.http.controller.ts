import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { hexOf, selectionRecords, toCsv, type RecordFilter, type RecordScope } from '@mkt/audit/core';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { forbidden, invalid } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AuditLogRepository } from '../../../infrastructure/audit-log.repository';
import { CheckpointRepository } from '../../../infrastructure/checkpoint.repository';
import { SELECTION_RECORDS } from '../../http-responses';
import { checkpointView } from '../../log-response.mapper';
import { LogSigner } from '../../log-signer';
import { LogTree } from '../../log-tree';
import { loggedEventsOf } from '../../logged-events.mapper';
import { QueryRecordsRequestDto } from './query-records.request.dto';

const CSV_HEADER = [
  'projectId', 'title', 'ownerOrganizationId', 'serviceItemCode', 'methods', 'position', 'eventId', 'type', 'aggregateId', 'occurredAt',
  'checkpointSize', 'inclusionProof', 'payload',
];

@Controller('api/audit/records')
export class QueryRecordsHttpController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tree: LogTree,
    private readonly signer: LogSigner,
  ) {}

  /**
   * Selection records by project, agency, owner, service item, method and period (`from`/`to` bound when the
   * entries occurred): each project's entries in log order, each with its position and an inclusion proof against
   * the latest checkpoint (null for an entry not signed yet). Supervisors read every record; an owner the records
   * of its own projects; an agency the entries about itself (libs/audit/core selectionRecords says exactly which).
   * `format=csv` gives one row per entry.
   */
  @Get()
  @Roles('SUPERVISOR', 'OWNER', 'AGENCY')
  @Responds(SELECTION_RECORDS, { alternatives: { 'text/csv': 'with format=csv: one row per entry' } })
  async query(@Query() query: QueryRecordsRequestDto, @CurrentUser() caller: AuthenticatedUser, @Res({ passthrough: true }) res: Response) {
    const scope = scopeOf(caller, query);
    const filter = filterOf(query);
    const key = await this.signer.key();
    const { checkpoint, records } = await this.unitOfWork.run(async (tx) => {
      const checkpoint = await new CheckpointRepository(tx.manager).latest();
      const signedSize = checkpoint?.size ?? 0;
      const tree = await this.tree.covering(signedSize, tx.manager);
      const events = loggedEventsOf(await new AuditLogRepository(tx.manager).aboutProjects(filter.projectId));
      const records = selectionRecords(events, filter, scope).map((record) => ({
        ...record.project,
        entries: record.entries.map((entry) => ({
          position: entry.position,
          eventId: entry.eventId,
          type: entry.type,
          aggregateId: entry.aggregateId,
          occurredAt: entry.occurredAt,
          payload: entry.payload,
          inclusionProof: entry.position < signedSize ? tree.inclusionProof(entry.position, signedSize).map(hexOf) : null,
        })),
      }));
      return { checkpoint, records };
    });
    if (query.format === 'csv') {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', 'attachment; filename="selection-records.csv"');
      const rows = records.flatMap((r) =>
        r.entries.map((e) => [
          r.projectId, r.title, r.ownerOrganizationId, r.serviceItemCode, r.methods.join(' '), e.position, e.eventId, e.type, e.aggregateId, e.occurredAt,
          e.inclusionProof ? (checkpoint?.size ?? null) : null, e.inclusionProof?.join(' ') ?? null, JSON.stringify(e.payload),
        ]),
      );
      return toCsv(CSV_HEADER, rows);
    }
    return { checkpoint: checkpoint ? checkpointView(checkpoint, key) : null, records };
  }
}

/** Supervisors read everything; owners and agencies only their own, and asking for someone else's is refused. */
function scopeOf(caller: AuthenticatedUser, query: QueryRecordsRequestDto): RecordScope {
  if (caller.role === 'SUPERVISOR') return { kind: 'all' };
  if (!caller.organizationId) throw forbidden('AUDIT.NO_ORGANIZATION', 'this account acts for no organisation, so it has no records');
  if (caller.role === 'OWNER') {
    if (query.ownerOrganizationId !== undefined && query.ownerOrganizationId !== caller.organizationId) {
      throw forbidden('AUDIT.NOT_YOUR_RECORDS', "an owner reads only its own projects' records");
    }
    return { kind: 'owner', organizationId: caller.organizationId };
  }
  if (query.agencyId !== undefined && query.agencyId !== caller.organizationId) throw forbidden('AUDIT.NOT_YOUR_RECORDS', 'an agency reads only its own records');
  return { kind: 'agency', agencyId: caller.organizationId };
}

function filterOf(query: QueryRecordsRequestDto): RecordFilter {
  // Instants are compared as the log spells them (UTC, toISOString), so any offset the caller used is normalised.
  const from = query.from === undefined ? undefined : new Date(query.from).toISOString();
  const to = query.to === undefined ? undefined : new Date(query.to).toISOString();
  if (from !== undefined && to !== undefined && to <= from) throw invalid('AUDIT.EMPTY_PERIOD', '`to` must be after `from`', 'to');
  const { projectId, agencyId, ownerOrganizationId, serviceItemCode, method } = query;
  return Object.fromEntries(Object.entries({ projectId, agencyId, ownerOrganizationId, serviceItemCode, method, from, to }).filter(([, v]) => v !== undefined));
}
