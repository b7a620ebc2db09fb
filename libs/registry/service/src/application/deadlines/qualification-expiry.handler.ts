import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TaskScheduler, type ScheduledTask, type TransactionContext } from '@mkt/shared/messaging';
import { AgencyRepository } from '../../infrastructure/agency.repository';
import { QUALIFICATION_EXPIRES_TASK } from '../../registry-tasks';
import { publishAgencyEvent } from '../agency-events.publisher';

/**
 * Expires qualifications at the end of their last valid day. The task asks the aggregate which of the firm's
 * qualifications have passed their end at the clock's now, so a late run (the service was down) or a repeated
 * one records each expiry once.
 */
@Injectable()
export class QualificationExpiryHandler implements OnModuleInit {
  constructor(private readonly scheduler: TaskScheduler) {}

  onModuleInit(): void {
    this.scheduler.on(QUALIFICATION_EXPIRES_TASK, expireQualifications);
  }
}

async function expireQualifications(task: ScheduledTask, tx: TransactionContext): Promise<void> {
  const repository = new AgencyRepository(tx.manager);
  const { agency, version } = await repository.get(String(task.payload['agencyId']));
  const events = agency.expireQualifications(tx.now);
  if (events.length === 0) return;
  await repository.update(agency, version);
  events.forEach((e) => publishAgencyEvent(tx, e));
}
