import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';

/** 429 with Retry-After: too many sign-in attempts, or a locked account. */
export class TooManyAttemptsException extends HttpException {
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super({ code, message, field: null, retryAfterSeconds }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

@Catch(TooManyAttemptsException)
export class TooManyAttemptsFilter implements ExceptionFilter {
  catch(error: TooManyAttemptsException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    response.setHeader('Retry-After', String(error.retryAfterSeconds));
    response.status(error.getStatus()).json(error.getResponse());
  }
}
