import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CatalogSeeder, ChangeAgencyStatusHandler, GrantQualificationHandler, RegisterAgencyHandler } from '@mkt/registry/service';
import type { AuthenticatedUser } from '@mkt/shared/auth';
import { DemoUsersSeeder } from './demo-users.seeder';

const OPERATOR: AuthenticatedUser = { userId: 'demo-operator', role: 'ADMIN', organizationId: null };
const SUPERVISOR: AuthenticatedUser = { userId: 'demo-supervisor', role: 'SUPERVISOR', organizationId: null };

// Firms of the kinds the source report names; credit codes carry valid GB 32100 check characters.
const DEMO_AGENCIES = [
  { name: '杭州环境科学研究院有限公司', creditCode: '91330100MA27XK0Q2K', item: 'EIA-REPORT', level: 1 },
  { name: '浙江绿源环评咨询有限公司', creditCode: '91330100MA28AB1C3M', item: 'EIA-REPORT', level: 2 },
  { name: '之江生态环境技术有限公司', creditCode: '91330100MA29CD2E41', item: 'EIA-REPORT', level: 2 },
  { name: '杭州测绘地理信息有限公司', creditCode: '91330100MA2AEF3G5C', item: 'SURVEY-MAPPING', level: 1 },
  { name: '钱塘勘测设计院有限公司', creditCode: '91330100MA2BGH4J6P', item: 'SURVEY-MAPPING', level: 2 },
  { name: '西湖工程测量有限公司', creditCode: '91330100MA2CJK5L73', item: 'SURVEY-MAPPING', level: 3 },
  { name: '浙江中诚工程造价咨询有限公司', creditCode: '91330100MA2DLM6N8E', item: 'COST-CONSULT', level: 1 },
  { name: '杭州信达造价师事务所有限公司', creditCode: '91330100MA2ENP7Q9R', item: 'COST-CONSULT', level: 2 },
  { name: '运河工程咨询有限公司', creditCode: '91330100MA2FQR8T06', item: 'COST-CONSULT', level: 2 },
  { name: '天目资产评估有限公司', creditCode: '91330100MA2GTU9W1H', item: 'COST-CONSULT', level: 2, status: 'SUSPENDED' },
  { name: '富春水土保持技术有限公司', creditCode: '91330100MA2HWX0Y24', item: 'EIA-REPORT', level: 2, status: 'PENDING' },
] as const;

/**
 * The demo service catalog and a few firms, so a first run has something to look at. Every step carries an Idempotency-Key, so
 * restarting the app replays the stored answers and creates nothing twice.
 */
@Injectable()
export class DemoAgenciesSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    private readonly register: RegisterAgencyHandler,
    private readonly changeStatus: ChangeAgencyStatusHandler,
    private readonly grant: GrantQualificationHandler,
    private readonly catalog: CatalogSeeder,
    private readonly users: DemoUsersSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // The service catalog first (16 categories, 56 items): the demo firms' qualifications name its items.
    const seeded = await this.catalog.seedDemoCatalog();
    if (seeded.items > 0) this.logger.log(`demo catalog: ${seeded.categories} categories, ${seeded.items} service items`);
    const agencyIds: string[] = [];
    for (const [i, demo] of DEMO_AGENCIES.entries()) {
      const key = (step: string) => ({ scope: `demo:${step}`, key: `agency-${i}`, fingerprint: demo.creditCode });
      const { id } = await this.register.execute({ name: demo.name, creditCode: demo.creditCode, region: '330100', idempotency: key('register') });
      agencyIds.push(id);
      const target = 'status' in demo ? demo.status : 'ACTIVE';
      await this.grant.execute({
        agencyId: id, certificateNumber: `DEMO-${i + 1}`, serviceItemCode: demo.item, level: demo.level,
        validFrom: '2026-01-01', validUntil: '2029-12-31', idempotency: key('qualify'),
      });
      if (target === 'PENDING') continue;
      await this.changeStatus.execute({ agencyId: id, status: 'ACTIVE', reason: 'demo: registration approved', actor: OPERATOR, idempotency: key('approve') });
      if (target === 'SUSPENDED') {
        await this.changeStatus.execute({ agencyId: id, status: 'SUSPENDED', reason: 'demo: declined a selection without cause', until: '2030-12-31T00:00:00+08:00', actor: SUPERVISOR, idempotency: key('suspend') });
      }
    }
    this.logger.log(`${DEMO_AGENCIES.length} demo agencies in place`);
    // Users after firms: agency users carry their firm's id.
    await this.users.seed(agencyIds);
  }
}
