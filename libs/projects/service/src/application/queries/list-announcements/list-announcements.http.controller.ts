import { Controller, Get } from '@nestjs/common';
import { creditRuleOf, entropySourceOf, type ProjectState } from '@mkt/projects/core';
import { Public } from '@mkt/shared/auth';
import { Responds, schema } from '@mkt/shared/http';
import { UnitOfWork } from '@mkt/shared/messaging';
import { ProjectRepository, type RecordedAmendment } from '../../../infrastructure/project.repository';
import { ANNOUNCEMENT } from '../../http-responses';

/**
 * Public announcements (公告): published projects, results in publicity, failed rounds. The owner's conflict
 * list and objection grounds stay private; winners are public from the moment publicity starts.
 */
@Controller('api/projects/announcements')
export class ListAnnouncementsHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Get()
  @Public()
  @Responds(schema.array(ANNOUNCEMENT))
  async list() {
    const { projects, amendments } = await this.unitOfWork.run(async (tx) => {
      const repository = new ProjectRepository(tx.manager);
      const published = await repository.published(100);
      return { projects: published, amendments: await repository.amendmentsOf(published.map((p) => p.id)) };
    });
    return projects.map((p) => announcementOf(p, amendments.get(p.id) ?? []));
  }
}

function announcementOf(s: ProjectState, amendments: readonly RecordedAmendment[]) {
  const { terms } = s;
  return {
    id: s.id,
    status: s.status,
    round: s.round,
    title: terms.title,
    serviceItemCode: terms.serviceItemCode,
    serviceItem: terms.serviceItem ?? null,
    region: terms.region,
    budgetCapFen: terms.budgetCapFen,
    requiredLevel: terms.requiredLevel,
    servicePeriodDays: terms.servicePeriodDays,
    method: terms.selection.method,
    // Announced with the method, so a firm knows before signing up whether witnesses or the drand beacon will decide.
    entropySource: entropySourceOf(terms.selection),
    // A credit-weighted draw's threshold and weight function: a firm below it knows before signing up that it cannot be drawn.
    creditRule: creditRuleOf(terms.selection),
    signUp: terms.signUp,
    // Public announcement documents, each downloadable at /api/projects/announcements/:id/attachments/:attachmentId.
    attachments: (s.attachments ?? []).map((a) => ({ id: a.id, name: a.name, mediaType: a.mediaType, sizeBytes: a.sizeBytes, sha256: a.sha256, addedAt: a.addedAt, amendment: a.amendment })),
    publishedAt: s.publishedAt,
    selection: s.status === 'DRAFT' || s.status === 'PUBLISHED' ? null : s.selection,
    failure: s.failure,
    // Amendments (变更公告) are public with their reason; that the private conflict list changed is not said.
    amendments: amendments.map((a) => ({ amendment: a.amendment, at: a.at, reason: a.reason, changedFields: a.changedFields.filter((f) => f !== 'conflicts') })),
  };
}
