import 'reflect-metadata';
import { resolve } from 'node:path';
import { runHttpService } from '@mkt/shared/http';
import { MarketplaceModule } from './marketplace.module';

void runHttpService('marketplace', MarketplaceModule.forRoot({ dataDir: resolve(process.env['DATA_DIR'] ?? '.data'), webDistDir: process.env['WEB_DIST_DIR'], demoData: process.env['DEMO_DATA'] !== 'off' }), 3000);
