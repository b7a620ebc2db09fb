import { Controller, Get, Inject, Param, Req } from '@nestjs/common';
import type { Request } from 'express';
import { loggedEventOf, ocdsReleasePackage, ocdsSchemaValidator, projectFactsOf } from '@mkt/audit/core';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { forbidden, invalid, notFound } from '@mkt/shared/kernel';
import { CLOCK, UnitOfWork, type Clock } from '@mkt/shared/messaging';
import { OCDS_SETTINGS, type OcdsSettings } from '../../../audit-settings';
import { AuditLogRepository } from '../../../infrastructure/audit-log.repository';
import { OCDS_PACKAGE } from '../../http-responses';
import { loggedEventsOf } from '../../logged-events.mapper';

// Checked before serving: a package that fails the schema is a defect here, never something to publish.
const validOcds = ocdsSchemaValidator();

@Controller('api/audit/projects')
export class GetOcdsHttpController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(OCDS_SETTINGS) private readonly settings: OcdsSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The project's Open Contracting Data Standard 1.1 release package (libs/audit/core ocdsReleasePackage), built
   * from the log and checked against the release schema before it leaves. For supervisors and the project's owner.
   */
  @Get(':projectId/ocds')
  @Roles('SUPERVISOR', 'OWNER')
  @Responds(OCDS_PACKAGE)
  async ocds(@Param('projectId') projectId: string, @CurrentUser() caller: AuthenticatedUser, @Req() req: Request) {
    if (projectId.length > 200) throw invalid('AUDIT.INVALID_PROJECT_ID', 'a project id has at most 200 characters', 'projectId');
    const { entries, agencies } = await this.unitOfWork.run(async (tx) => {
      const log = new AuditLogRepository(tx.manager);
      return { entries: await log.forProject(projectId), agencies: await log.ofTypes(['registry.AgencyRegistered']) };
    });
    const events = loggedEventsOf(entries);
    const owner = projectFactsOf(events).get(projectId)?.ownerOrganizationId ?? null;
    if (caller.role === 'OWNER' && (owner === null || owner !== caller.organizationId)) throw forbidden('AUDIT.NOT_YOUR_PROJECT', "an owner reads only its own projects' releases");
    const agencyNames = new Map(agencies.map((e) => loggedEventOf(e.position, JSON.parse(e.entry))).map((e) => [String(e.payload['agencyId']), String(e.payload['name'])]));
    const releasePackage = ocdsReleasePackage(projectId, events, {
      ...this.settings,
      uri: `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`,
      publishedDate: this.clock.now().toISOString(),
      agencyNames,
    });
    if (!releasePackage) throw notFound('AUDIT.PROJECT_NOT_PUBLISHED', `the log holds no publication of project ${projectId}`);
    const check = validOcds(releasePackage);
    if (!check.ok) throw new Error(`OCDS release package for ${projectId} fails the schema: ${check.errors.join('; ')}`);
    return releasePackage;
  }
}
