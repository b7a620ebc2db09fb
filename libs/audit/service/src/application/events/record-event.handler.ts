import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DrawRevealedV1 } from '@mkt/draw/contracts';
import type { EventEnvelope } from '@mkt/shared/contracts';
import { EventSubscriptions, type TransactionContext } from '@mkt/shared/messaging';
import { AUDITED_TOPICS, REVEAL_CHECKPOINT_TASK } from '../../audit-settings';
import { AuditLogRepository } from '../../infrastructure/audit-log.repository';

/**
 * Appends every event on the audited topics — any type or version, only its envelope validated — in the
 * transaction that marks it handled, so a redelivered event is appended once. Types this service does not
 * know yet are recorded all the same: the log keeps what happened, not what it understands.
 */
@Injectable()
export class RecordEventHandler implements OnModuleInit {
  constructor(private readonly subscriptions: EventSubscriptions) {}

  onModuleInit(): void {
    this.subscriptions.onEveryEvent(AUDITED_TOPICS, (event, tx) => this.record(event, tx));
  }

  private async record(event: EventEnvelope, tx: TransactionContext): Promise<void> {
    const position = await new AuditLogRepository(tx.manager).append(event, tx.now);
    // A revealed draw gets a signed checkpoint covering it as soon as this append commits (durably scheduled).
    if (position !== null && event.type === DrawRevealedV1.type) tx.schedule(REVEAL_CHECKPOINT_TASK, event.id, tx.now);
  }
}
