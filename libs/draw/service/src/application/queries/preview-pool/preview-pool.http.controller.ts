import { Controller, Get, Query } from '@nestjs/common';
import { CREDIT_WEIGHT_FUNCTIONS, partitionPool, weighPoolByCredit } from '@mkt/draw/core';
import { Roles } from '@mkt/shared/auth';
import { Responds, schema } from '@mkt/shared/http';
import { invalid } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AgencyViewRepository } from '../../../infrastructure/agency-view.repository';
import { PreviewPoolRequestDto } from './preview-pool.request.dto';

@Controller('api/draw/pool-preview')
export class PreviewPoolHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * Who would enter a draw for this item today, and who would not and why — the same rule the pool freeze
   * applies. Lets an owner see whether a draw can reach its minimum before posting. With a credit threshold and a
   * weight function it is a credit-weighted draw's pool: firms below the threshold leave it (CREDIT_BELOW_THRESHOLD)
   * and the rest carry today's weights, as the freeze would compute them.
   */
  @Get()
  @Roles('OWNER', 'SUPERVISOR', 'ADMIN')
  @Responds(
    schema.object(
      {
        pool: schema.array(schema.string()),
        excluded: schema.array(schema.object({ agencyId: schema.string(), reason: schema.string() })),
        weights: schema.array(schema.object({ id: schema.string(), weight: schema.number() })),
      },
      { optional: ['weights'] },
    ),
  )
  async preview(@Query() query: PreviewPoolRequestDto) {
    const credit = creditRuleOf(query);
    return this.unitOfWork.run(async (tx) => {
      const agencies = new AgencyViewRepository(tx.manager);
      const partition = partitionPool(await agencies.candidatesFor(query.serviceItemCode), { serviceItemCode: query.serviceItemCode, requiredLevel: query.requiredLevel, on: query.on });
      if (!credit) return partition;
      const weighting = weighPoolByCredit(partition.pool, await agencies.creditScoresOf(partition.pool), credit.threshold, credit.weightFunction);
      if (!weighting) throw invalid('DRAW.UNKNOWN_WEIGHT_FUNCTION', `the weight function is one of ${Object.keys(CREDIT_WEIGHT_FUNCTIONS).join(', ')}`, 'weightFunction');
      return { pool: weighting.pool, excluded: [...partition.excluded, ...weighting.exclusions], weights: weighting.weights };
    });
  }
}

/** Both or neither: a threshold without a function (or the reverse) cannot say what the draw would do. */
function creditRuleOf(query: PreviewPoolRequestDto): { threshold: number; weightFunction: string } | null {
  if (query.minimumCreditScore === undefined && query.weightFunction === undefined) return null;
  if (query.minimumCreditScore === undefined) throw invalid('DRAW.INVALID_PREVIEW', 'a weight function needs the credit threshold beside it', 'minimumCreditScore');
  if (query.weightFunction === undefined) throw invalid('DRAW.INVALID_PREVIEW', 'a credit threshold needs the weight function beside it', 'weightFunction');
  return { threshold: query.minimumCreditScore, weightFunction: query.weightFunction };
}
