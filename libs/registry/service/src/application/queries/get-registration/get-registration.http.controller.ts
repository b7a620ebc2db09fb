import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { forbidden } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { RegistrationRepository } from '../../../infrastructure/registration.repository';
import { REGISTRATION } from '../../http-responses';

@Controller('api/registry/registrations')
export class GetRegistrationHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The application with its status, every step and every revision: the operator, supervisors, or the applying firm. */
  @Get(':id')
  @Roles('ADMIN', 'SUPERVISOR', 'AGENCY')
  @Responds(REGISTRATION)
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.unitOfWork.run(async (tx) => {
      const repository = new RegistrationRepository(tx.manager);
      const { application, submittedAt, updatedAt } = await repository.get(id);
      const s = application.snapshot;
      if (user.role === 'AGENCY' && user.organizationId?.toLowerCase() !== s.agencyId) throw forbidden('REGISTRY.NOT_YOUR_APPLICATION', 'an agency user reads only its own application');
      return { id: s.id, agencyId: s.agencyId, status: s.status, revision: s.revision, submittedAt, updatedAt, content: s.content, history: s.history, revisions: await repository.revisions(id) };
    });
  }
}
