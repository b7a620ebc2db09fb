import { Controller, Get } from '@nestjs/common';
import { fairnessHistoryOf, fairnessReport, FAIRNESS_EVENT_TYPES, type FairnessReport } from '@mkt/audit/core';
import { Roles } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AuditLogRepository } from '../../../infrastructure/audit-log.repository';
import { FAIRNESS_REPORT } from '../../http-responses';
import { loggedEventsOf } from '../../logged-events.mapper';

@Controller('api/audit/fairness')
export class GetFairnessHttpController {
  // The concentration test simulates the whole history thousands of times: recomputed only when the log has grown.
  private cached: { size: number; answer: { computedFrom: { logSize: number } } & FairnessReport } | null = null;

  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * The fairness tests fixed in advance (libs/audit/core/src/fairness) over every draw the log recorded: each
   * agency's wins against chance, winners' positions in the frozen pool, independence of sign-up order, region,
   * qualification grade and price level, and win concentration per item; flags after the weighted Holm correction.
   * Supervisors only: it names firms.
   */
  @Get()
  @Roles('SUPERVISOR')
  @Responds(FAIRNESS_REPORT)
  async report() {
    return this.unitOfWork.run(async (tx) => {
      const log = new AuditLogRepository(tx.manager);
      const size = await log.size();
      if (this.cached?.size === size) return this.cached.answer;
      // Entries below `size` only, so the answer is exactly the report over the log's first `size` entries.
      const entries = (await log.ofTypes(FAIRNESS_EVENT_TYPES)).filter((entry) => entry.position < size);
      const answer = { computedFrom: { logSize: size }, ...fairnessReport(fairnessHistoryOf(loggedEventsOf(entries))) };
      this.cached = { size, answer };
      return answer;
    });
  }
}
