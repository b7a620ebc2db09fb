import { Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds, schema } from '@mkt/shared/http';
import { forbidden } from '@mkt/shared/kernel';
import type { IdempotencyKey } from '@mkt/shared/messaging';
import { ChangeServiceItemsHandler } from './change-service-items.handler';
import { ChangeServiceItemsRequestDto } from './change-service-items.request.dto';

@Controller('api/registry/agencies')
export class ChangeServiceItemsHttpController {
  constructor(private readonly handler: ChangeServiceItemsHandler) {}

  /** Only the firm's own users change what it offers. */
  @Put(':id/service-items')
  @Roles('AGENCY')
  @Responds(schema.object({ agencyId: schema.uuid(), serviceItems: schema.array(schema.string()), sequence: schema.integer() }))
  change(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ChangeServiceItemsRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @IdempotencyKeyHeader('registry.change-service-items') idempotency: IdempotencyKey | null,
  ) {
    if (user.organizationId?.toLowerCase() !== id.toLowerCase()) throw forbidden('AUTH.NOT_YOUR_AGENCY', 'an agency user changes only its own firm');
    return this.handler.execute({ agencyId: id.toLowerCase(), serviceItems: body.serviceItems, idempotency });
  }
}
