import { Controller, Get, Query } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { forbidden } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { ProjectListsQuery } from '../../../infrastructure/project-lists.query';
import { OWN_SIGN_UPS } from '../../http-responses';
import { agencySignUpItemOf } from './agency-sign-up.mapper';
import { ListOwnSignUpsRequestDto } from './list-own-sign-ups.request.dto';

/**
 * 我的报名: every project the caller's agency signed up for, with the project's status and how the agency fared
 * (selected, alternate, not selected, withdrawn). The agency comes from the token alone.
 */
@Controller('api/projects/sign-ups/mine')
export class ListOwnSignUpsHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Get()
  @Roles('AGENCY')
  @Responds(OWN_SIGN_UPS)
  async list(@Query() query: ListOwnSignUpsRequestDto, @CurrentUser() user: AuthenticatedUser) {
    const agencyId = user.organizationId;
    if (!agencyId) throw forbidden('PROJECTS.NO_AGENCY', 'this account acts for no agency');
    const page = { offset: query.offset, limit: query.limit };
    const found = await this.unitOfWork.run((tx) => new ProjectListsQuery(tx.manager).signUpsOf(agencyId, { status: query.status ?? null, projectId: query.projectId ?? null }, page));
    return {
      ...page,
      total: found.total,
      items: found.rows.map((r) => agencySignUpItemOf(r.state, agencyId, { round: r.round, signedUpAt: r.signedUpAt, withdrawnAt: r.withdrawnAt })),
    };
  }
}
