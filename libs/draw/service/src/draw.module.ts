import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule, type ServiceModuleOptions } from '@mkt/shared/messaging';
import { OnAgencyEventsHandler } from './application/events/on-agency-events.handler';
import { PreviewPoolHttpController } from './application/queries/preview-pool/preview-pool.http.controller';
import { CreateAgencyEligibilityView1764374600000 } from './infrastructure/migrations/1764374600000-create-agency-eligibility-view';

/** The draw service: its eligibility read model today; the auditable draw builds on it. */
@Module({})
export class DrawModule {
  static forRoot(options: ServiceModuleOptions = {}): DynamicModule {
    return {
      module: DrawModule,
      imports: [
        ServicePlatformModule.forService({
          service: 'draw',
          produces: [],
          entities: [],
          migrations: [CreateAgencyEligibilityView1764374600000],
          database: options.database,
        }),
      ],
      controllers: [PreviewPoolHttpController],
      providers: [OnAgencyEventsHandler],
    };
  }
}
