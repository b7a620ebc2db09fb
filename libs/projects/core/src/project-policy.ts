import { invalid } from '@mkt/shared/kernel';

/**
 * The platform's configurable rules. The policy in force when a project is drafted travels with it and is part of
 * its published rules: later changes to the platform's policy do not move a running project's deadlines.
 */
export interface ProjectPolicy {
  /** Direct selection is allowed only when the budget cap is strictly below this many fen. */
  readonly directSelectionBelowFen: number;
  /** Length of the publicity period (公示) after a selection result, in calendar days. */
  readonly publicityDays: number;
  /** Time a selected agency has to accept or decline. */
  readonly winnerResponseHours: number;
  /** Shortest sign-up window, counted from publication (or from an amendment) to the close. */
  readonly minimumSignUpHours: number;
  /** Offset of the marketplace's civil time from UTC, for calendar dates such as a contract's start. */
  readonly utcOffsetMinutes: number;
}

export const DEFAULT_PROJECT_POLICY: ProjectPolicy = {
  // The source report: projects under 100,000 yuan may choose their agency directly.
  directSelectionBelowFen: 100_000 * 100,
  publicityDays: 3,
  winnerResponseHours: 48,
  minimumSignUpHours: 72,
  utcOffsetMinutes: 8 * 60,
};

export function projectPolicyMustBeSound(policy: ProjectPolicy): ProjectPolicy {
  const wholeAtLeast = (value: number, min: number, field: string) => {
    if (!Number.isSafeInteger(value) || value < min) throw invalid('PROJECTS.INVALID_POLICY', `${field} must be a whole number of at least ${min}`, `policy.${field}`);
  };
  wholeAtLeast(policy.directSelectionBelowFen, 0, 'directSelectionBelowFen');
  wholeAtLeast(policy.publicityDays, 1, 'publicityDays');
  wholeAtLeast(policy.winnerResponseHours, 1, 'winnerResponseHours');
  wholeAtLeast(policy.minimumSignUpHours, 0, 'minimumSignUpHours');
  if (!Number.isInteger(policy.utcOffsetMinutes) || Math.abs(policy.utcOffsetMinutes) > 14 * 60) {
    throw invalid('PROJECTS.INVALID_POLICY', 'utcOffsetMinutes must be a whole number of minutes within ±14 hours', 'policy.utcOffsetMinutes');
  }
  return { ...policy };
}
