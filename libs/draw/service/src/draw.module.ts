import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule, type ServiceModuleOptions } from '@mkt/shared/messaging';
import { DRAW_TOPICS } from '@mkt/draw/contracts';
import { EnterWitnessValueHandler } from './application/commands/enter-witness-value/enter-witness-value.handler';
import { EnterWitnessValueHttpController } from './application/commands/enter-witness-value/enter-witness-value.http.controller';
import { SubmitBeaconHandler } from './application/commands/submit-beacon/submit-beacon.handler';
import { SubmitBeaconHttpController } from './application/commands/submit-beacon/submit-beacon.http.controller';
import { FetchDrandBeaconHandler } from './application/deadlines/fetch-drand-beacon.handler';
import { OnRevealDeadlineHandler } from './application/deadlines/on-reveal-deadline.handler';
import { OnAgencyEventsHandler } from './application/events/on-agency-events.handler';
import { OnContractEventsHandler } from './application/events/on-contract-events.handler';
import { OnSelectionRequestedHandler } from './application/events/on-selection-requested.handler';
import { OnTieBreakRequestedHandler } from './application/events/on-tie-break-requested.handler';
import { GetDrawHttpController } from './application/queries/get-draw/get-draw.http.controller';
import { ListObservedDrawsHttpController } from './application/queries/list-observed-draws/list-observed-draws.http.controller';
import { PreviewPoolHttpController } from './application/queries/preview-pool/preview-pool.http.controller';
import { VerifyDrawRecordHttpController } from './application/queries/verify-draw-record/verify-draw-record.http.controller';
import { CreateAgencyEligibilityView1764374600000 } from './infrastructure/migrations/1764374600000-create-agency-eligibility-view';
import { CreateDraws1764374800000 } from './infrastructure/migrations/1764374800000-create-draws';
import { CreateOpenContractsView1764374850000 } from './infrastructure/migrations/1764374850000-create-open-contracts-view';
import { AddDrawPurpose1764375100000 } from './infrastructure/migrations/1764375100000-add-draw-purpose';
import { AddAgencyCredit1764375200000 } from './infrastructure/migrations/1764375200000-add-agency-credit';
import { AddOfferedItems1764375300000 } from './infrastructure/migrations/1764375300000-add-offered-items';
import { DrandRelays, drandRelaySettingsFrom, type DrandRelaySettings } from './infrastructure/drand-relays';

export interface DrawModuleOptions extends ServiceModuleOptions {
  /** drand relays to fetch beacons from; default `DRAW_DRAND_URLS` and `DRAW_DRAND_TIMEOUT_MS` (none: offline, beacons by hand). */
  readonly drand?: DrandRelaySettings;
}

/** The draw service: eligibility read model, and the auditable draw (commit, entropy, reveal, verify) for selections and bidding tie-breaks. */
@Module({})
export class DrawModule {
  static forRoot(options: DrawModuleOptions = {}): DynamicModule {
    return {
      module: DrawModule,
      imports: [
        ServicePlatformModule.forService({
          service: 'draw',
          produces: DRAW_TOPICS,
          entities: [],
          migrations: [CreateAgencyEligibilityView1764374600000, CreateDraws1764374800000, CreateOpenContractsView1764374850000, AddDrawPurpose1764375100000, AddAgencyCredit1764375200000, AddOfferedItems1764375300000],
          database: options.database,
        }),
      ],
      controllers: [PreviewPoolHttpController, EnterWitnessValueHttpController, SubmitBeaconHttpController, GetDrawHttpController, ListObservedDrawsHttpController, VerifyDrawRecordHttpController],
      providers: [
        { provide: DrandRelays, useFactory: () => new DrandRelays(options.drand ?? drandRelaySettingsFrom(process.env)) },
        OnAgencyEventsHandler,
        OnContractEventsHandler,
        OnSelectionRequestedHandler,
        OnTieBreakRequestedHandler,
        OnRevealDeadlineHandler,
        FetchDrandBeaconHandler,
        EnterWitnessValueHandler,
        SubmitBeaconHandler,
      ],
    };
  }
}
