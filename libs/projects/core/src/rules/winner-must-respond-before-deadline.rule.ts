import { conflict } from '@mkt/shared/kernel';
import { isBefore } from '../instant.value-object';

/** Rule: a selected agency accepts or declines up to, not at, its response deadline; after it, silence is a decline. */
export function winnerMustRespondBeforeDeadline(respondBy: string, now: string): void {
  if (!isBefore(now, respondBy)) throw conflict('PROJECTS.RESPONSE_DEADLINE_PASSED', `the response was due by ${respondBy}`, 'respondBy');
}
