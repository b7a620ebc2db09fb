import { Controller, Get, Query } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { Responds, schema } from '@mkt/shared/http';
import { UnitOfWork } from '@mkt/shared/messaging';
import { RegistrationRepository } from '../../../infrastructure/registration.repository';
import { actingAgencyId } from '../../acting-agency';
import { REGISTRATION_SUMMARY } from '../../http-responses';
import { ListRegistrationsRequestDto } from './list-registrations.request.dto';

@Controller('api/registry/registrations')
export class ListRegistrationsHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The review queue (oldest first) for the operator and supervisors; an agency user sees only its own applications. */
  @Get()
  @Roles('ADMIN', 'SUPERVISOR', 'AGENCY')
  @Responds(schema.array(REGISTRATION_SUMMARY))
  list(@Query() query: ListRegistrationsRequestDto, @CurrentUser() user: AuthenticatedUser) {
    const agencyId = user.role === 'AGENCY' ? actingAgencyId(user) : null;
    return this.unitOfWork.run((tx) => new RegistrationRepository(tx.manager).list({ status: query.status ?? null, agencyId, limit: query.limit ?? 100 }));
  }
}
