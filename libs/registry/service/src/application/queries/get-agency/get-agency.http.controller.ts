import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { forbidden } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AgencyRepository } from '../../../infrastructure/agency.repository';
import { AGENCY_RECORD } from '../../http-responses';

@Controller('api/registry/agencies')
export class GetAgencyHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The full record: operator and supervisors see any agency, an agency's user only its own firm. */
  @Get(':id')
  @Roles('ADMIN', 'SUPERVISOR', 'AGENCY')
  @Responds(AGENCY_RECORD)
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthenticatedUser) {
    if (user.role === 'AGENCY' && user.organizationId !== id) throw forbidden('AUTH.NOT_YOUR_AGENCY', 'an agency user can read only its own firm');
    return this.unitOfWork.run(async (tx) => {
      const repository = new AgencyRepository(tx.manager);
      const { agency, version } = await repository.get(id);
      return { ...agency.snapshot, ...(await repository.profileOf(id)), version };
    });
  }
}
