import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CatalogSeeder, ChangeAgencyStatusHandler, DemoDirectorySeeder, GrantQualificationHandler, RegisterAgencyHandler, SubmitRegistrationHandler, UploadScanHandler } from '@mkt/registry/service';
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

/** A firm that applied by itself (入驻) and waits for the operator's review; its users' accounts carry this organisation. */
export const DEMO_APPLICANT_ORGANIZATION = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
// A one-page stand-in for the certificate scan: checked like any upload (a PDF by its first bytes).
const DEMO_CERTIFICATE_SCAN = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

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
    private readonly uploadScan: UploadScanHandler,
    private readonly submitRegistration: SubmitRegistrationHandler,
    private readonly directory: DemoDirectorySeeder,
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
    await this.applyForRegistration();
    // Users after firms: agency users carry their firm's id.
    await this.users.seed(agencyIds);
    this.fillDirectory();
  }

  /**
   * `DEMO_DIRECTORY_SIZE` generated firms more (npm start asks for a few hundred), in the background: the app serves
   * at once and the directory fills within a minute on a first start; later starts replay the stored answers.
   */
  private fillDirectory(): void {
    const size = Number(process.env['DEMO_DIRECTORY_SIZE'] ?? 0);
    if (!Number.isSafeInteger(size) || size <= 0) return;
    const started = Date.now();
    this.directory.seed(size).then(
      (n) => this.logger.log(`demo directory: ${n} generated firms in place (${((Date.now() - started) / 1000).toFixed(1)} s)`),
      (error: Error) => this.logger.warn(`demo directory not complete: ${error.message}`),
    );
  }

  /** So the operator's review queue has an application in it: once (the scan is kept by its hash, the submission by its key). */
  private async applyForRegistration(): Promise<void> {
    const applicant: AuthenticatedUser = { userId: 'demo-applicant', role: 'AGENCY', organizationId: DEMO_APPLICANT_ORGANIZATION };
    const scan = await this.uploadScan.execute(DEMO_CERTIFICATE_SCAN, applicant);
    const creditCode = '91330183MA2KTW8R48';
    await this.submitRegistration.execute({
      body: {
        name: '富阳生态环境咨询有限公司',
        creditCode,
        legalRepresentative: '周建国',
        contacts: [{ name: '周敏', phone: '0571-63300000', email: null }],
        region: '330183',
        qualifications: [
          { qualificationType: 'ENVIRONMENTAL_IMPACT_ASSESSMENT', level: 2, certificateNumber: '国环评证乙字第2026号', issuer: '浙江省生态环境厅', validFrom: '2026-01-01', validUntil: '2029-12-31', scanId: scan.id },
        ],
        serviceItems: ['EIA-TABLE', 'EIA-EMERGENCY-PLAN'],
      },
      actor: applicant,
      idempotency: { scope: 'demo:apply', key: 'applicant-1', fingerprint: creditCode },
    });
  }
}
