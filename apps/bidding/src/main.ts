import 'reflect-metadata';
import { BiddingModule } from '@mkt/bidding/service';
import { runHttpService, ServiceRootModule } from '@mkt/shared/http';

void runHttpService('bidding', ServiceRootModule.compose(BiddingModule.forRoot(), { clientId: 'bidding' }), 3105);
