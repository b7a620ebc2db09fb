import { Body, Controller, HttpCode, Inject, Post, Req, UseFilters } from '@nestjs/common';
import type { Request } from 'express';
import { SlidingWindowRateLimiter } from '@mkt/identity/core';
import { Public } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { CLOCK, type Clock } from '@mkt/shared/messaging';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../../identity-settings';
import { NEW_ACCOUNT } from '../../account.view';
import { clientAddressOf } from '../../http/client-address';
import { TooManyAttemptsException, TooManyAttemptsFilter } from '../../http/too-many-attempts.exception';
import { SignUpHandler } from './sign-up.handler';
import { SignUpRequestDto } from './sign-up.request.dto';

export const SIGN_UP_LIMITER = Symbol('SIGN_UP_LIMITER');

@Controller('api/identity')
export class SignUpHttpController {
  constructor(
    private readonly handler: SignUpHandler,
    @Inject(SIGN_UP_LIMITER) private readonly limiter: SlidingWindowRateLimiter,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Self-service sign-up for an agency's or project owner's user; answered with the PENDING account's id. */
  @Post('sign-up')
  @HttpCode(201)
  @Public()
  @UseFilters(TooManyAttemptsFilter)
  @Responds(NEW_ACCOUNT, { description: 'The PENDING account' })
  signUp(@Body() body: SignUpRequestDto, @Req() request: Request) {
    // Each sign-up costs a memory-hard hash: limit them per address.
    const rate = this.limiter.take(clientAddressOf(request, this.settings.trustedProxyHops), this.clock.now());
    if (!rate.allowed) throw new TooManyAttemptsException('IDENTITY.TOO_MANY_SIGN_UPS', 'too many sign-ups from this address; wait and try again', Math.ceil(rate.retryAfterMs / 1000));
    return this.handler.execute(body);
  }
}
