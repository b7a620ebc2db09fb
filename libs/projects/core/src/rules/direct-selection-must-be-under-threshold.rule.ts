import { invalid } from '@mkt/shared/kernel';
import { fenToYuan } from '../money.value-object';
import type { SelectionRule } from '../selection-rule.value-object';

/** Rule: direct selection (直接选取) only for a budget cap strictly below the policy's threshold. */
export function directSelectionMustBeUnderThreshold(selection: SelectionRule, budgetCapFen: number, directSelectionBelowFen: number): void {
  if (selection.method === 'DIRECT_SELECTION' && budgetCapFen >= directSelectionBelowFen) {
    throw invalid(
      'PROJECTS.DIRECT_SELECTION_OVER_THRESHOLD',
      `direct selection is allowed only for a budget below ${fenToYuan(directSelectionBelowFen)} yuan; this project's cap is ${fenToYuan(budgetCapFen)} yuan`,
      'selection.method',
    );
  }
}
