import { Module, type INestApplication } from '@nestjs/common';
import { AuthModule } from '@mkt/shared/auth';
import { createHttpApp } from '@mkt/shared/http';
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
