/**
 * How a rule says no. `code` is stable (`REGISTRY.INVALID_CREDIT_CODE`) and is what clients branch on;
 * `field` names the input at fault, when there is one; `kind` decides the HTTP status at the edge.
 */
export type DomainErrorKind = 'invalid' | 'not-found' | 'conflict' | 'forbidden' | 'unauthenticated';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'invalid',
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function invalid(code: string, message: string, field: string | null = null): DomainError {
  return new DomainError(code, message, 'invalid', field);
}

export function notFound(code: string, message: string): DomainError {
  return new DomainError(code, message, 'not-found');
}

export function conflict(code: string, message: string, field: string | null = null): DomainError {
  return new DomainError(code, message, 'conflict', field);
}

export function forbidden(code: string, message: string): DomainError {
  return new DomainError(code, message, 'forbidden');
}
