export type { ErrorResponse } from './error-response';
export { DomainErrorFilter } from './domain-error.filter';
export { requestValidationPipe } from './validation.pipe';
export { IdempotencyKeyHeader } from './idempotency-key.decorator';
export { createHttpApp, runHttpService } from './http-app';
export { ServiceRootModule } from './service-root.module';
