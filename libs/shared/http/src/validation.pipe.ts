import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ErrorResponse } from './error-response';

/**
 * class-validator on every request DTO: unknown fields are refused rather than ignored, and the 400
 * names the first offending field by its full path (`qualifications.0.level`).
 */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new BadRequestException(toErrorResponse(errors)),
  });
}

function toErrorResponse(errors: ValidationError[]): ErrorResponse {
  const [field, message] = firstProblem(errors, '') ?? ['', 'invalid request'];
  return { code: 'VALIDATION.FAILED', message, field: field || null };
}

function firstProblem(errors: ValidationError[], prefix: string): [string, string] | null {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) return [path, messages[0]];
    const nested = firstProblem(error.children ?? [], path);
    if (nested) return nested;
  }
  return null;
}
