import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { forbidden } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AttachmentFileRepository } from '../../../infrastructure/attachment-file.repository';
import { ProjectRepository } from '../../../infrastructure/project.repository';
import { PROJECT_DETAIL } from '../../http-responses';

/** The whole project with its history, conflict list and attachments included: for its owner and for supervisors only. */
@Controller('api/projects/projects')
export class GetProjectHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Get(':id')
  @Roles('OWNER', 'SUPERVISOR')
  @Responds(PROJECT_DETAIL)
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.unitOfWork.run(async (tx) => {
      const projects = new ProjectRepository(tx.manager);
      const { project, version } = await projects.get(id);
      if (user.role === 'OWNER' && project.snapshot.ownerId !== user.organizationId) throw forbidden('PROJECTS.NOT_PROJECT_OWNER', 'an owner sees only its own projects');
      const listed = new Set((project.snapshot.attachments ?? []).map((a) => a.id));
      // Files uploaded after publication that no amendment has announced yet: the owner's to name or leave.
      const awaitingAmendment = (await new AttachmentFileRepository(tx.manager).ofProject(id)).filter((f) => !listed.has(f.id));
      return { ...project.snapshot, attachments: project.snapshot.attachments ?? [], awaitingAmendment, version, history: await projects.history(id) };
    });
  }
}
