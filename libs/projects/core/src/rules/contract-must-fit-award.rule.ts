import { invalid } from '@mkt/shared/kernel';
import { fenToYuan } from '../money.value-object';
import type { Quote } from '../selection-result.value-object';

/** The most a contract may be worth: the budget cap, and for an amount bid the winning amount as well. */
export function contractCeilingFen(budgetCapFen: number, quote: Quote | null): number {
  return quote?.form === 'AMOUNT' ? Math.min(budgetCapFen, quote.amountFen) : budgetCapFen;
}

/** Rule: the contract amount does not exceed the winning price or the budget cap. */
export function contractAmountMustNotExceedCeiling(amountFen: number, ceilingFen: number): void {
  if (amountFen > ceilingFen) {
    throw invalid('PROJECTS.CONTRACT_OVER_CEILING', `the contract amount may not exceed ${fenToYuan(ceilingFen)} yuan (winning price or budget cap)`, 'amountFen');
  }
}

/** Rule: work under contract does not start before the award (calendar dates in the marketplace's time zone). */
export function contractMustNotStartBeforeAward(startDate: string, awardDate: string): void {
  if (startDate < awardDate) throw invalid('PROJECTS.START_BEFORE_AWARD', `the contract cannot start before the award on ${awardDate}`, 'startDate');
}
