import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { invalid } from '@mkt/shared/kernel';
import type { IdempotencyKey } from '@mkt/shared/messaging';

const KEY_FORMAT = /^[\x21-\x7e]{1,200}$/;

/**
 * Reads the optional `Idempotency-Key` header into a key scoped to the command and the caller, with a
 * fingerprint of the route parameters and body. Pass it to `UnitOfWork.run(…, { idempotency })`.
 */
export const IdempotencyKeyHeader = createParamDecorator((command: string, context: ExecutionContext): IdempotencyKey | null => {
  const request = context.switchToHttp().getRequest();
  const key = request.headers['idempotency-key'];
  if (key === undefined) return null;
  if (typeof key !== 'string' || !KEY_FORMAT.test(key)) {
    throw invalid('REQUEST.INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1–200 visible ASCII characters', 'Idempotency-Key');
  }
  const fingerprint = createHash('sha256')
    .update(canonicalize({ params: request.params ?? {}, body: request.body ?? null }) ?? '')
    .digest('hex');
  return { scope: `${command}:${request.user?.userId ?? 'anonymous'}`, key, fingerprint };
});
