import 'reflect-metadata';
import { RegistryModule } from '@mkt/registry/service';
import { runHttpService, ServiceRootModule } from '@mkt/shared/http';

void runHttpService('registry', ServiceRootModule.compose(RegistryModule.forRoot(), { clientId: 'registry' }), 3102);
