import 'reflect-metadata';
import { AuditModule } from '@mkt/audit/service';
import { runHttpService, ServiceRootModule } from '@mkt/shared/http';

void runHttpService('audit', ServiceRootModule.compose(AuditModule.forRoot(), { clientId: 'audit' }), 3106);
