export { DomainError, invalid, notFound, conflict, forbidden, type DomainErrorKind } from './domain-error';
