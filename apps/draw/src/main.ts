import 'reflect-metadata';
import { DrawModule } from '@mkt/draw/service';
import { runHttpService, ServiceRootModule } from '@mkt/shared/http';

void runHttpService('draw', ServiceRootModule.compose(DrawModule.forRoot(), { clientId: 'draw' }), 3104);
