import { Controller, Get } from '@nestjs/common';
import { fairnessReport } from '@mkt/audit/core';
import { Roles } from '@mkt/shared/auth';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AuditLogRepository } from '../../../infrastructure/audit-log.repository';
import { drawOutcomesOf } from './draw-outcomes';

@Controller('api/audit/fairness')
export class GetFairnessHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * The fairness tests fixed in advance (libs/audit/core/src/fairness), over every draw the log recorded:
   * each agency's wins against chance and winners' positions in the frozen pool, with flags after correction.
   */
  @Get()
  @Roles('SUPERVISOR')
  async report() {
    const entries = await this.unitOfWork.run((tx) => new AuditLogRepository(tx.manager).ofTypes(['draw.DrawCommitted', 'draw.DrawRevealed']));
    return fairnessReport(drawOutcomesOf(entries));
  }
}
