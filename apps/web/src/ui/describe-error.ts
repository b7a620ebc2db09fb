import type { ApiError } from '../app/api';
import type { Locale } from '../messages';
import { UI_TEXT } from './ui-messages';

/** An API error as a sentence: the code in the reader's language when known, and the field by its label on this form. */
export function describeError(error: ApiError, labels: Record<string, string>, locale: Locale): string {
  const t = UI_TEXT[locale];
  const known = t.codes[error.code] ?? (error.status === 0 ? t.network : error.status >= 500 ? t.serverError : null);
  const detail = known ? (locale === 'en' ? `${known} (${error.message})` : `${known}（${error.message}）`) : error.message;
  if (!error.field) return detail;
  const label = labels[error.field] ?? labels[error.field.split('.')[0]] ?? error.field;
  return t.fieldError(label, detail);
}
