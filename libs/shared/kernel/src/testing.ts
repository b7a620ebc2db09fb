import { DomainError } from './domain-error';

/** For specs: the `code@field` a rule refuses with, the text of any other error, or undefined when it accepts. */
export function refusalOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? `${error.code}@${error.field}` : String(error);
  }
  return undefined;
}
