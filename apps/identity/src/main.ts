import 'reflect-metadata';
import { IdentityModule } from '@mkt/identity/service';
import { runHttpService, ServiceRootModule } from '@mkt/shared/http';

void runHttpService('identity', ServiceRootModule.compose(IdentityModule.forRoot(), { clientId: 'identity' }), 3101);
