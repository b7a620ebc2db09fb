import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { forbidden } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { ProjectRepository } from '../../../infrastructure/project.repository';

/** The whole project with its history, conflict list included: for its owner and for supervisors only. */
@Controller('api/projects/projects')
export class GetProjectHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Get(':id')
  @Roles('OWNER', 'SUPERVISOR')
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.unitOfWork.run(async (tx) => {
      const projects = new ProjectRepository(tx.manager);
      const { project, version } = await projects.get(id);
      if (user.role === 'OWNER' && project.snapshot.ownerId !== user.organizationId) throw forbidden('PROJECTS.NOT_PROJECT_OWNER', 'an owner sees only its own projects');
      return { ...project.snapshot, version, history: await projects.history(id) };
    });
  }
}
