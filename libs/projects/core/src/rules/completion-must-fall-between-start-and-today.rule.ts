import { invalid } from '@mkt/shared/kernel';

/** Rule: completion is recorded once it happened: not before the contract's start, not after today. */
export function completionMustFallBetweenStartAndToday(completionDate: string, startDate: string, today: string): void {
  if (completionDate < startDate) throw invalid('PROJECTS.COMPLETION_BEFORE_START', `completion cannot precede the start on ${startDate}`, 'completionDate');
  if (completionDate > today) throw invalid('PROJECTS.COMPLETION_IN_FUTURE', 'completion cannot be recorded in advance', 'completionDate');
}
