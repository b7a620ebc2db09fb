import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { CREDIT_FORMULA, qualificationCountsAt, sanctionIsInForce } from '@mkt/registry/core';
import { Public } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { notFound } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AgencyRepository } from '../../../infrastructure/agency.repository';
import { CreditRepository } from '../../../infrastructure/credit.repository';
import { EngagementRepository } from '../../../infrastructure/engagement.repository';
import { PUBLIC_PROFILE } from '../../http-responses';

const RECENT_ENTRIES = 10;
const LISTED = ['ACTIVE', 'SUSPENDED', 'BLACKLISTED'];

/**
 * A firm's public profile: who it is, what it is qualified for, sanctions in force, its track record and its
 * credit with the latest entries. Public fields only: no contacts, no evaluation comments, no supervisor's notes.
 */
@Controller('api/registry/directory')
export class GetPublicProfileHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Get(':id')
  @Public()
  @Responds(PUBLIC_PROFILE)
  profile(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.unitOfWork.run(async (tx) => {
      const { agency } = await new AgencyRepository(tx.manager).get(id);
      const a = agency.snapshot;
      // Firms under review or withdrawn are not in the directory; say "not found" rather than hint they exist.
      if (!LISTED.includes(a.status)) throw notFound('REGISTRY.AGENCY_NOT_FOUND', `no agency ${id} in the directory`);
      const credit = new CreditRepository(tx.manager);
      const now = tx.now.toISOString();
      return {
        id: a.id,
        name: a.name,
        region: a.region,
        status: a.status,
        serviceItems: a.serviceItems,
        // An expired qualification stays on the record, marked: the public sees what the firm held and until when.
        qualifications: a.qualifications.map((q) => ({
          serviceItemCode: q.serviceItemCode,
          level: q.level,
          validFrom: q.validFrom,
          validUntil: q.validUntil,
          current: !q.expiredAt && qualificationCountsAt(q, tx.now),
          expiredAt: q.expiredAt ?? null,
        })),
        certificates: a.certificates.map((c) => ({
          qualificationType: c.qualificationType,
          level: c.level,
          certificateNumber: c.certificateNumber,
          issuer: c.issuer,
          validFrom: c.validFrom,
          validUntil: c.validUntil,
          current: qualificationCountsAt(c, tx.now),
        })),
        sanctionsInForce: a.sanctions.filter((s) => sanctionIsInForce(s, now)).map((s) => ({ kind: s.kind, reason: s.reason, startsAt: s.startsAt, endsAt: s.endsAt })),
        record: await new EngagementRepository(tx.manager).trackRecordOf(id),
        credit: {
          score: await credit.scoreOf(id),
          formulaVersion: CREDIT_FORMULA.version,
          recentEntries: (await credit.entries(id, RECENT_ENTRIES)).map((e) => ({
            sequence: e.sequence,
            cause: e.cause,
            projectId: e.projectId,
            points: e.points,
            delta: e.delta,
            scoreAfter: e.scoreAfter,
            recordedAt: e.recordedAt,
          })),
        },
      };
    });
  }
}
