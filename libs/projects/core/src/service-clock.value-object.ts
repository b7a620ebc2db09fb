import { addDays, daysBetween } from './instant.value-object';

export interface ServiceClockReading {
  readonly dueDate: string;
  readonly daysTaken: number;
  readonly daysLate: number;
  readonly onTime: boolean;
}

/**
 * The service clock: a period of N calendar days starting on day D ends on D + N. As in PRC Civil Code art. 201,
 * the starting day is not counted, so a 10-day service starting 1 March is due on 11 March.
 */
export function serviceDueDate(startDate: string, servicePeriodDays: number): string {
  return addDays(startDate, servicePeriodDays);
}

export function readServiceClock(startDate: string, servicePeriodDays: number, completionDate: string): ServiceClockReading {
  const dueDate = serviceDueDate(startDate, servicePeriodDays);
  const daysLate = Math.max(0, daysBetween(dueDate, completionDate));
  return { dueDate, daysTaken: daysBetween(startDate, completionDate), daysLate, onTime: daysLate === 0 };
}
