import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, type DomainErrorKind } from '@mkt/shared/kernel';
import type { ErrorResponse } from './error-response';

const STATUS_OF: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
  unauthenticated: HttpStatus.UNAUTHORIZED,
};

/** Maps every failure to `{ code, message, field }`; controllers never catch. Unknown errors say nothing internal. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(error);
    if (status >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    response.status(status).json(body);
  }

  private describe(error: unknown): [number, ErrorResponse | object] {
    if (error instanceof DomainError) {
      return [STATUS_OF[error.kind], { code: error.code, message: error.message, field: error.field }];
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      if (typeof body === 'object' && body !== null && 'code' in body) return [status, body];
      if (typeof body === 'object' && body !== null && 'status' in body) return [status, body];
      return [status, { code: httpCode(status, error), message: error.message, field: null }];
    }
    return [HttpStatus.INTERNAL_SERVER_ERROR, { code: 'INTERNAL', message: 'internal error', field: null }];
  }
}

function httpCode(status: number, error: HttpException): string {
  // Express body-parser failures arrive as 400 HttpExceptions; name them so the client knows the body is at fault.
  if (status === 400 && /JSON/i.test(error.message)) return 'REQUEST.MALFORMED_JSON';
  if (status === 404) return 'HTTP.NOT_FOUND';
  if (status === 413) return 'REQUEST.TOO_LARGE';
  return `HTTP.${status}`;
}
