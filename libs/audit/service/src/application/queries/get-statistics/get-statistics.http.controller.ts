import { Controller, Get } from '@nestjs/common';
import { publicStatistics, STATISTICS_EVENT_TYPES, type PublicStatistics } from '@mkt/audit/core';
import { Public } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AuditLogRepository } from '../../../infrastructure/audit-log.repository';
import { STATISTICS } from '../../http-responses';
import { loggedEventsOf } from '../../logged-events.mapper';

@Controller('api/audit/statistics')
export class GetStatisticsHttpController {
  // Anyone may ask, as often as they like: the figures are recomputed only when the log has grown since the last answer.
  private cached: { size: number; answer: { computedFrom: { logSize: number; entries: number; lastPosition: number | null } } & PublicStatistics } | null = null;

  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * The public statistics the source report states, computed live from the log (libs/audit/core
   * publicStatistics): agencies and items by category, draws and bidding rounds per month, fees below the standard,
   * delivery time against the items' time limits. Only aggregates and the public catalog — no firm is named.
   */
  @Get()
  @Public()
  @Responds(STATISTICS)
  async statistics() {
    return this.unitOfWork.run(async (tx) => {
      const log = new AuditLogRepository(tx.manager);
      const size = await log.size();
      if (this.cached?.size === size) return this.cached.answer;
      // Appends may commit between the two reads; keeping positions below `size` makes the answer exactly the
      // statistics of the log's first `size` entries, the size it is cached under.
      const entries = (await log.ofTypes(STATISTICS_EVENT_TYPES)).filter((entry) => entry.position < size);
      const answer = { computedFrom: { logSize: size, entries: entries.length, lastPosition: entries.at(-1)?.position ?? null }, ...publicStatistics(loggedEventsOf(entries)) };
      this.cached = { size, answer };
      return answer;
    });
  }
}
