import { invalid } from '@mkt/shared/kernel';

/** Trimmed, non-empty text of bounded length. */
export function requiredText(value: unknown, field: string, maxLength: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw invalid('PROJECTS.TEXT_REQUIRED', `${field} is required`, field);
  if (text.length > maxLength) throw invalid('PROJECTS.TEXT_TOO_LONG', `${field} has at most ${maxLength} characters`, field);
  return text;
}

export function optionalText(value: unknown, field: string, maxLength: number): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw invalid('PROJECTS.INVALID_TEXT', `${field} must be text`, field);
  const text = value.trim();
  if (text.length > maxLength) throw invalid('PROJECTS.TEXT_TOO_LONG', `${field} has at most ${maxLength} characters`, field);
  return text;
}

export function wholeNumberIn(value: unknown, min: number, max: number, field: string, code = 'PROJECTS.OUT_OF_RANGE'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(code, `${field} must be a whole number from ${min} to ${max}`, field);
  }
  return value;
}
