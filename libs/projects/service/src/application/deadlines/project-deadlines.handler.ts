import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ProjectState } from '@mkt/projects/core';
import { TaskScheduler } from '@mkt/shared/messaging';
import { CLOSE_SIGN_UP_TASK, END_PUBLICITY_TASK, RESPONSE_DEADLINE_TASK } from '../../projects-settings';
import { changeProjectIn } from '../change-project';

/** An amendment may have dropped the window since the close was scheduled: then the owner starts selection, not the clock. */
const closesBySchedule = (s: ProjectState) => s.status === 'PUBLISHED' && s.terms.signUp.mode === 'WINDOW';

/**
 * The time-driven steps, run by the durable scheduler on the injected clock. Each asks the aggregate, which
 * refuses to act early or in the wrong status; a deadline that no longer applies (the project moved on) is a no-op.
 */
@Injectable()
export class ProjectDeadlinesHandler implements OnModuleInit {
  constructor(private readonly scheduler: TaskScheduler) {}

  onModuleInit(): void {
    this.scheduler
      .on(CLOSE_SIGN_UP_TASK, (task, tx) => changeProjectIn(tx, task.key, (p, now) => (closesBySchedule(p.snapshot) ? p.closeSignUp(now) : [])).then(() => undefined))
      .on(END_PUBLICITY_TASK, (task, tx) => changeProjectIn(tx, task.key, (p, now) => (p.snapshot.status === 'PUBLICITY' ? p.endPublicity(now) : [])).then(() => undefined))
      .on(RESPONSE_DEADLINE_TASK, (task, tx) => changeProjectIn(tx, task.key, (p, now) => (p.snapshot.status === 'AWARDED' ? p.expireWinnerResponse(now) : [])).then(() => undefined));
  }
}
