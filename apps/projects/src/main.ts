import 'reflect-metadata';
import { ProjectsModule } from '@mkt/projects/service';
import { runHttpService, ServiceRootModule } from '@mkt/shared/http';

void runHttpService('projects', ServiceRootModule.compose(ProjectsModule.forRoot(), { clientId: 'projects' }), 3103);
