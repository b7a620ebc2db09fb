import { Controller, Get, Param, Query } from '@nestjs/common';
import { bidderMustBeEligible } from '@mkt/bidding/core';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { Responds, schema } from '@mkt/shared/http';
import { forbidden } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { BidderStandingRepository } from '../../../infrastructure/bidder-standing.repository';
import { GetBidderStandingRequestDto } from './get-bidder-standing.request.dto';

@Controller('api/bidding/bidders')
export class GetBidderStandingHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Whether an agency may bid for an item on a day, and why not. An agency asks only about itself. */
  @Get(':agencyId/standing')
  @Roles('AGENCY', 'SUPERVISOR', 'ADMIN')
  @Responds(schema.object({ agencyId: schema.string(), status: schema.nullable(schema.string()), mayBid: schema.boolean(), refusal: schema.nullable(schema.string()) }))
  async standing(@Param('agencyId') agencyId: string, @Query() query: GetBidderStandingRequestDto, @CurrentUser() user: AuthenticatedUser) {
    if (user.role === 'AGENCY' && user.organizationId !== agencyId) throw forbidden('AUTH.NOT_YOUR_AGENCY', 'an agency may ask only about its own standing');
    const standing = await this.unitOfWork.run((tx) => new BidderStandingRepository(tx.manager).find(agencyId));
    const refusal = bidderMustBeEligible(standing, query.serviceItemCode, query.requiredLevel, query.on);
    return { agencyId, status: standing?.status ?? null, mayBid: refusal === null, refusal };
  }
}
