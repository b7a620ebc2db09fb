import { conflict } from '@mkt/shared/kernel';
import { isBefore } from '../instant.value-object';

/** Rule: an objection (质疑) is filed during publicity (公示): up to, not at, its end. */
export function objectionMustBeFiledDuringPublicity(publicityEndsAt: string, now: string): void {
  if (!isBefore(now, publicityEndsAt)) throw conflict('PROJECTS.PUBLICITY_OVER', `the publicity period ended at ${publicityEndsAt}`, 'publicityEndsAt');
}

/** Rule: publicity ends (and the award follows) only once its end has come. */
export function publicityMustBeOver(publicityEndsAt: string, now: string): void {
  if (isBefore(now, publicityEndsAt)) throw conflict('PROJECTS.TOO_EARLY', `the publicity period runs until ${publicityEndsAt}`, 'publicityEndsAt');
}
