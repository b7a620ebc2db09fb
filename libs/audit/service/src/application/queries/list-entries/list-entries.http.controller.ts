import { Controller, Get, Query } from '@nestjs/common';
import { Roles } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AuditLogRepository } from '../../../infrastructure/audit-log.repository';
import { ENTRY_PAGE } from '../../http-responses';
import { entryView } from '../../log-response.mapper';
import { ListEntriesRequestDto } from './list-entries.request.dto';

@Controller('api/audit/entries')
export class ListEntriesHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The log page by page, for supervisors: every recorded event with its position and leaf hash. */
  @Get()
  @Roles('SUPERVISOR')
  @Responds(ENTRY_PAGE)
  list(@Query() { from, limit }: ListEntriesRequestDto) {
    return this.unitOfWork.run(async (tx) => {
      const log = new AuditLogRepository(tx.manager);
      const size = await log.size();
      const entries = (await log.entries(from, limit, size)).map(entryView);
      const next = from + entries.length < size ? from + entries.length : null;
      return { size, from, next, entries };
    });
  }
}
