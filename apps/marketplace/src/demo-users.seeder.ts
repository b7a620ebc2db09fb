import { Injectable, Logger } from '@nestjs/common';
import { CreateAccountHandler, type NewAccountCommand } from '@mkt/identity/service';
import { DomainError } from '@mkt/shared/kernel';

/** The one password of every demo user (README lists them); embedded demo data only, never a real deployment. */
export const DEMO_PASSWORD = 'demo-2026-zhongjie';
export const DEMO_OWNER_ORGANIZATION = 'demo-owner-hz-transport';

/** Demo agency users, by the index of their firm in the demo agencies list. */
const AGENCY_USERS = [
  { username: 'agency-eia-1', displayName: '杭州环境科学研究院 · 张工', firm: 0 },
  { username: 'agency-eia-2', displayName: '浙江绿源环评 · 陈经理', firm: 1 },
  { username: 'agency-survey-1', displayName: '杭州测绘地理信息 · 刘工', firm: 3 },
  { username: 'agency-cost-1', displayName: '浙江中诚工程造价 · 赵经理', firm: 6 },
] as const;
/** A sign-up still waiting for approval, for the operator's review list (its firm is under review too). */
const PENDING_AGENCY_USER = { username: 'agency-pending', displayName: '富春水土保持 · 孙经理', firm: 10 } as const;

/**
 * Demo users for every role, made once: an existing username is left as it is, so restarts change nothing.
 * Agency users carry their firm's id as organisation; the owner user carries the demo owner organisation.
 */
@Injectable()
export class DemoUsersSeeder {
  private readonly logger = new Logger('DemoData');

  constructor(private readonly accounts: CreateAccountHandler) {}

  async seed(agencyIds: readonly string[]): Promise<void> {
    const active: NewAccountCommand[] = [
      { username: 'admin', displayName: '平台运营管理员', role: 'ADMIN', organizationId: null, password: DEMO_PASSWORD },
      { username: 'supervisor', displayName: '公共资源交易监督员', role: 'SUPERVISOR', organizationId: null, password: DEMO_PASSWORD },
      { username: 'owner-hz-transport', displayName: '杭州市交通运输局（演示）', role: 'OWNER', organizationId: DEMO_OWNER_ORGANIZATION, password: DEMO_PASSWORD },
      ...AGENCY_USERS.map((u) => ({ username: u.username, displayName: u.displayName, role: 'AGENCY' as const, organizationId: agencyIds[u.firm], password: DEMO_PASSWORD })),
    ];
    let made = 0;
    for (const user of active) made += await this.once(user, 'by-admin');
    const p = PENDING_AGENCY_USER;
    made += await this.once({ username: p.username, displayName: p.displayName, role: 'AGENCY', organizationId: agencyIds[p.firm], password: DEMO_PASSWORD }, 'sign-up');
    if (made > 0) this.logger.log(`${made} demo users created (password ${DEMO_PASSWORD}); see the README`);
  }

  private async once(user: NewAccountCommand, how: 'by-admin' | 'sign-up'): Promise<number> {
    try {
      await this.accounts.execute(user, how);
      return 1;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'IDENTITY.USERNAME_TAKEN') return 0;
      throw error;
    }
  }
}
