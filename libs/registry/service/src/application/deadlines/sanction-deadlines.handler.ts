import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TaskScheduler, type ScheduledTask, type TransactionContext } from '@mkt/shared/messaging';
import { AgencyRepository } from '../../infrastructure/agency.repository';
import { SANCTION_ENDS_TASK, SANCTION_STARTS_TASK } from '../../registry-tasks';
import { publishAgencyEvent } from '../agency-events.publisher';

/**
 * Starts and ends sanctions on time. Both deadlines ask the aggregate to follow the sanctions in force at the
 * clock's now, so a lifted sanction, an overlapping one or a withdrawn firm make the task a no-op, not an error.
 */
@Injectable()
export class SanctionDeadlinesHandler implements OnModuleInit {
  constructor(private readonly scheduler: TaskScheduler) {}

  onModuleInit(): void {
    this.scheduler.on(SANCTION_STARTS_TASK, followSanctions).on(SANCTION_ENDS_TASK, followSanctions);
  }
}

async function followSanctions(task: ScheduledTask, tx: TransactionContext): Promise<void> {
  const repository = new AgencyRepository(tx.manager);
  const { agency, version } = await repository.get(String(task.payload['agencyId']));
  const events = agency.followSanctions(tx.now);
  if (events.length === 0) return;
  await repository.update(agency, version);
  events.forEach((e) => publishAgencyEvent(tx, e));
}
