import { Module, type INestApplication } from '@nestjs/common';
import { AuthModule } from '@mkt/shared/auth';
import { createHttpApp } from '@mkt/shared/http';
import type { ServiceItemPublishedV1 } from '@mkt/registry/contracts';
import { MessagingModule, MessagingRuntime, type Clock, type ServicePlatform } from '@mkt/shared/messaging';
import { ProjectsModule } from './projects.module';

/** What this library's HTTP specs drive: the app, its URL, and the projects platform (inbox, outbox, database). */
export interface ProjectsSpecApp {
  readonly app: INestApplication;
  readonly base: string;
  readonly projects: ServicePlatform;
}

/**
 * The projects service alone in this process, on an in-memory embedded database and the in-process bus, with
 * tokens signed by `secret` and time from `clock`. `checkResponses` checks every JSON success against its schema.
 */
export async function startProjectsSpecApp(options: { secret: string; clock: Clock; checkResponses?: boolean }): Promise<ProjectsSpecApp> {
  @Module({
    imports: [
      MessagingModule.forRoot({ transport: { kind: 'in-process' }, clock: options.clock }),
      AuthModule.forRoot({ secret: options.secret }),
      ProjectsModule.forRoot({ database: { kind: 'pglite', dataDir: 'memory://' } }),
    ],
  })
  class ProjectsSpecRoot {}
  const app = await createHttpApp(ProjectsSpecRoot, { logger: false, checkResponses: options.checkResponses ?? false });
  await app.listen(0, '127.0.0.1');
  return { app, base: await app.getUrl(), projects: app.get(MessagingRuntime).platform('projects') as ServicePlatform };
}

/** The catalog item these specs post against, as the registry publishes it. */
export const EIA_REPORT_ITEM: ServiceItemPublishedV1 = {
  code: 'EIA-REPORT', categoryCode: 'EIA', categoryNameZhCN: '环境影响评价', categoryNameEn: 'Environmental impact assessment', nameZhCN: '环境影响报告书编制',
  nameEn: 'Environmental impact report', contentZhCN: '编制报告书', contentEn: 'Draft the report', legalBasis: '《环境影响评价法》', timeLimitWorkingDays: 20,
  processStepsZhCN: ['编制'], processStepsEn: ['Draft'], feeBasisZhCN: '按标准', feeBasisEn: 'By the standard', standardFeeFen: 5_000_000,
  qualificationType: 'ENVIRONMENTAL_IMPACT_ASSESSMENT', minimumLevel: 2, version: 1, reason: 'spec', effectiveDate: '2026-03-02', catalogRevision: 1,
};

/** A posting of that item with the given selection and sign-up terms. */
export const eiaReportPosting = (title: string, selection: Record<string, unknown>, signUp: Record<string, unknown> = { mode: 'ALL_ELIGIBLE' }) => ({
  title, serviceItemCode: EIA_REPORT_ITEM.code, description: '环评报告书', budgetCapFen: 8_000_000, requiredLevel: 2, region: '330100', servicePeriodDays: 30, selection, signUp, conflicts: [],
});
