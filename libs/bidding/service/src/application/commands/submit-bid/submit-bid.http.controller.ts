import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import type { Quote } from '@mkt/bidding/core';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds, schema } from '@mkt/shared/http';
import type { IdempotencyKey } from '@mkt/shared/messaging';
import { BID_RECEIPT } from '../../http-responses';
import { WithdrawBidHandler } from '../withdraw-bid/withdraw-bid.handler';
import { SubmitBidHandler } from './submit-bid.handler';
import { SubmitBidRequestDto, type QuoteDto } from './submit-bid.request.dto';

/** An agency's own sealed bid: submit, replace or withdraw before the deadline. An Idempotency-Key makes a retry land once. */
@Controller('api/bidding/biddings/:biddingId/bids')
export class SubmitBidHttpController {
  constructor(
    private readonly submitBid: SubmitBidHandler,
    private readonly withdrawBid: WithdrawBidHandler,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('AGENCY')
  @Responds(BID_RECEIPT)
  submit(
    @Param('biddingId', new ParseUUIDPipe()) biddingId: string,
    @Body() body: SubmitBidRequestDto,
    @CurrentUser() actor: AuthenticatedUser,
    @IdempotencyKeyHeader('bidding.submit') idempotency: IdempotencyKey | null,
  ) {
    return this.submitBid.execute({ biddingId, actor, ...contentOf(body), mode: 'SUBMIT', idempotency });
  }

  @Put('mine')
  @HttpCode(200)
  @Roles('AGENCY')
  @Responds(BID_RECEIPT, { description: 'The new receipt; replacedCommitment names the bid it replaced' })
  replace(
    @Param('biddingId', new ParseUUIDPipe()) biddingId: string,
    @Body() body: SubmitBidRequestDto,
    @CurrentUser() actor: AuthenticatedUser,
    @IdempotencyKeyHeader('bidding.replace') idempotency: IdempotencyKey | null,
  ) {
    return this.submitBid.execute({ biddingId, actor, ...contentOf(body), mode: 'REPLACE', idempotency });
  }

  @Delete('mine')
  @HttpCode(200)
  @Roles('AGENCY')
  @Responds(schema.object({ biddingId: schema.uuid(), commitment: schema.hex(), withdrawnAt: schema.instant() }))
  withdraw(
    @Param('biddingId', new ParseUUIDPipe()) biddingId: string,
    @CurrentUser() actor: AuthenticatedUser,
    @IdempotencyKeyHeader('bidding.withdraw') idempotency: IdempotencyKey | null,
  ) {
    return this.withdrawBid.execute({ biddingId, actor, idempotency });
  }
}

/** Only the keys of the quote's form reach the seal, so what is hashed is exactly what was typed. */
function contentOf(body: SubmitBidRequestDto) {
  return { quote: quoteOf(body.quote), servicePeriodDays: body.servicePeriodDays, note: body.note ?? null, salt: body.salt ?? null };
}

function quoteOf(q: QuoteDto): Quote {
  return q.form === 'AMOUNT' ? { form: 'AMOUNT', amountFen: q.amountFen as number } : { form: 'DISCOUNT_RATE', rate: q.rate as number };
}
