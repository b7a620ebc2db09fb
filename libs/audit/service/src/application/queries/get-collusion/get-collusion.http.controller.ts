import { Controller, Get } from '@nestjs/common';
import { collusionReport, COLLUSION_EVENT_TYPES } from '@mkt/audit/core';
import { Roles } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AuditLogRepository } from '../../../infrastructure/audit-log.repository';
import { COLLUSION_REPORT } from '../../http-responses';
import { loggedEventsOf } from '../../logged-events.mapper';

@Controller('api/audit/collusion')
export class GetCollusionHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * The collusion tests fixed in advance (libs/audit/core/src/collusion) over every closed bidding round and award
   * in the log: co-bidding pairs, tightly clustered quotes, identical quotes by the same firms, repeated declines;
   * flags after the Holm correction at α = 0.01, each with its evidence. Supervisors only: it names firms.
   */
  @Get()
  @Roles('SUPERVISOR')
  @Responds(COLLUSION_REPORT)
  async report() {
    const entries = await this.unitOfWork.run((tx) => new AuditLogRepository(tx.manager).ofTypes(COLLUSION_EVENT_TYPES));
    return collusionReport(loggedEventsOf(entries));
  }
}
