import { invalid } from '@mkt/shared/kernel';
import { requiredText } from './text';

/** An agency the owner declares it must not work with on this project (回避), and why. */
export interface ConflictOfInterest {
  readonly agencyId: string;
  readonly reason: string;
}

export type ConflictOfInterestInput = { agencyId: string; reason: string };

export function parseConflictList(input: readonly ConflictOfInterestInput[] | undefined, field = 'conflicts'): readonly ConflictOfInterest[] {
  if (input === undefined) return [];
  if (!Array.isArray(input)) throw invalid('PROJECTS.INVALID_CONFLICTS', 'the conflict list is a list of { agencyId, reason }', field);
  const seen = new Set<string>();
  return input.map((entry, i) => {
    const agencyId = requiredText(entry?.agencyId, `${field}[${i}].agencyId`, 100);
    if (seen.has(agencyId)) throw invalid('PROJECTS.DUPLICATE_CONFLICT', `agency ${agencyId} is listed twice`, `${field}[${i}].agencyId`);
    seen.add(agencyId);
    return { agencyId, reason: requiredText(entry?.reason, `${field}[${i}].reason`, 1000) };
  });
}
