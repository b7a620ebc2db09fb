import { invalid } from '@mkt/shared/kernel';

/** Rule: a rating that harms an agency's credit (quality 1–2, or fees not complied with) comes with a written reason. */
export function poorEvaluationMustGiveReason(quality: number, feeCompliant: boolean, comment: string): void {
  if ((quality <= 2 || !feeCompliant) && !comment) {
    throw invalid('PROJECTS.EVALUATION_REASON_REQUIRED', 'a low quality rating or a fee breach needs a comment saying why', 'comment');
  }
}
