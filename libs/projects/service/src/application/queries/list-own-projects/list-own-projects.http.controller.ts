import { Controller, Get, Query } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { forbidden } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { ProjectListsQuery } from '../../../infrastructure/project-lists.query';
import { OWN_PROJECTS } from '../../http-responses';
import { ListOwnProjectsRequestDto } from './list-own-projects.request.dto';
import { ownerProjectItemOf } from './owner-project.mapper';

/**
 * 我的项目: the caller's organisation's projects, drafts included, newest change first, each with what it waits for
 * and from whom. The organisation comes from the token alone, so no owner can ask for another's list.
 */
@Controller('api/projects/mine')
export class ListOwnProjectsHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Get()
  @Roles('OWNER')
  @Responds(OWN_PROJECTS)
  async list(@Query() query: ListOwnProjectsRequestDto, @CurrentUser() user: AuthenticatedUser) {
    const ownerOrg = user.organizationId;
    if (!ownerOrg) throw forbidden('PROJECTS.NO_OWNER_ORGANISATION', 'this account acts for no owner organisation');
    const page = { offset: query.offset, limit: query.limit };
    const found = await this.unitOfWork.run((tx) => new ProjectListsQuery(tx.manager).ofOwner(ownerOrg, query.status ?? null, page));
    return { ...page, total: found.total, countsByStatus: found.byStatus, items: found.rows.map((r) => ownerProjectItemOf(r.state, r.updatedAt)) };
  }
}
