import { Controller, Get } from '@nestjs/common';
import { publicStatistics, STATISTICS_EVENT_TYPES } from '@mkt/audit/core';
import { Public } from '@mkt/shared/auth';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AuditLogRepository } from '../../../infrastructure/audit-log.repository';
import { loggedEventsOf } from '../../logged-events.mapper';

@Controller('api/audit/statistics')
export class GetStatisticsHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * The public statistics the source report states, computed live from the log (libs/audit/core
   * publicStatistics): agencies and items by category, draws and bidding rounds per month, fees below the standard,
   * delivery time against the items' time limits. Only aggregates and the public catalog — no firm is named.
   */
  @Get()
  @Public()
  async statistics() {
    const entries = await this.unitOfWork.run((tx) => new AuditLogRepository(tx.manager).ofTypes(STATISTICS_EVENT_TYPES));
    return { computedFrom: { entries: entries.length, lastPosition: entries.at(-1)?.position ?? null }, ...publicStatistics(loggedEventsOf(entries)) };
  }
}
