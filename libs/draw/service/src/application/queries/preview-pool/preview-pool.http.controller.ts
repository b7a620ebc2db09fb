import { Controller, Get, Query } from '@nestjs/common';
import { partitionPool } from '@mkt/draw/core';
import { Roles } from '@mkt/shared/auth';
import { Responds, schema } from '@mkt/shared/http';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AgencyViewRepository } from '../../../infrastructure/agency-view.repository';
import { PreviewPoolRequestDto } from './preview-pool.request.dto';

@Controller('api/draw/pool-preview')
export class PreviewPoolHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * Who would enter a draw for this item today, and who would not and why — the same rule the pool freeze
   * applies. Lets an owner see whether a draw can reach its minimum before posting.
   */
  @Get()
  @Roles('OWNER', 'SUPERVISOR', 'ADMIN')
  @Responds(schema.object({ pool: schema.array(schema.string()), excluded: schema.array(schema.object({ agencyId: schema.string(), reason: schema.string() })) }))
  async preview(@Query() query: PreviewPoolRequestDto) {
    const candidates = await this.unitOfWork.run((tx) => new AgencyViewRepository(tx.manager).candidatesFor(query.serviceItemCode));
    return partitionPool(candidates, { serviceItemCode: query.serviceItemCode, requiredLevel: query.requiredLevel, on: query.on });
  }
}
