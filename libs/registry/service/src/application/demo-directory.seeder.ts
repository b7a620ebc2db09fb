import { Injectable } from '@nestjs/common';
import { demoDirectory } from '@mkt/registry/core';
import type { AuthenticatedUser } from '@mkt/shared/auth';
import { ChangeAgencyStatusHandler } from './commands/change-agency-status/change-agency-status.handler';
import { GrantQualificationHandler } from './commands/grant-qualification/grant-qualification.handler';
import { RegisterAgencyHandler } from './commands/register-agency/register-agency.handler';

const OPERATOR: AuthenticatedUser = { userId: 'demo-operator', role: 'ADMIN', organizationId: null };

/**
 * Demo data only: a directory of a few hundred generated firms across the demo catalog, registered, qualified and
 * approved through the same use cases an operator's requests go through. Every step carries an Idempotency-Key
 * derived from the firm's index, so a restart (even one in the middle) replays instead of adding firms.
 */
@Injectable()
export class DemoDirectorySeeder {
  constructor(
    private readonly register: RegisterAgencyHandler,
    private readonly grant: GrantQualificationHandler,
    private readonly changeStatus: ChangeAgencyStatusHandler,
  ) {}

  async seed(count: number): Promise<number> {
    const firms = demoDirectory(count);
    for (const [n, firm] of firms.entries()) {
      const key = (step: string) => ({ scope: `demo-directory:${step}`, key: `firm-${n}`, fingerprint: firm.creditCode });
      const { id } = await this.register.execute({ name: firm.name, creditCode: firm.creditCode, region: firm.region, idempotency: key('register') });
      for (const [k, q] of firm.qualifications.entries()) {
        await this.grant.execute({
          agencyId: id, certificateNumber: `DEMO-DIR-${n}-${k}`, serviceItemCode: q.serviceItemCode, level: q.level,
          validFrom: '2026-01-01', validUntil: '2030-12-31', idempotency: key(`qualify-${k}`),
        });
      }
      await this.changeStatus.execute({ agencyId: id, status: 'ACTIVE', reason: 'demo: registration approved', actor: OPERATOR, idempotency: key('approve') });
    }
    return firms.length;
  }
}
