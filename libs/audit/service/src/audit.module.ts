import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule, type ServiceModuleOptions } from '@mkt/shared/messaging';
import { AUDIT_LOG_SETTINGS, auditLogSettings, OCDS_SETTINGS, ocdsSettings, type AuditLogSettings } from './audit-settings';
import { SignCheckpointHandler } from './application/commands/sign-checkpoint/sign-checkpoint.handler';
import { SignCheckpointHttpController } from './application/commands/sign-checkpoint/sign-checkpoint.http.controller';
import { OnCheckpointDueHandler } from './application/deadlines/on-checkpoint-due.handler';
import { RecordEventHandler } from './application/events/record-event.handler';
import { LogSigner } from './application/log-signer';
import { AuditLogStartup } from './application/log-startup';
import { LogTree } from './application/log-tree';
import { ExportLogHttpController } from './application/queries/export-log/export-log.http.controller';
import { GetCheckpointHttpController } from './application/queries/get-checkpoint/get-checkpoint.http.controller';
import { GetFairnessHttpController } from './application/queries/get-fairness/get-fairness.http.controller';
import { GetProjectRecordHttpController } from './application/queries/get-project-record/get-project-record.http.controller';
import { GetProofsHttpController } from './application/queries/get-proofs/get-proofs.http.controller';
import { QueryRecordsHttpController } from './application/queries/query-records/query-records.http.controller';
import { GetStatisticsHttpController } from './application/queries/get-statistics/get-statistics.http.controller';
import { GetOcdsHttpController } from './application/queries/get-ocds/get-ocds.http.controller';
import { GetCollusionHttpController } from './application/queries/get-collusion/get-collusion.http.controller';
import { ListEntriesHttpController } from './application/queries/list-entries/list-entries.http.controller';
import { CreateAuditLog1764375000000 } from './infrastructure/migrations/1764375000000-create-audit-log';

export interface AuditModuleOptions extends ServiceModuleOptions {
  /** Overrides the environment (`AUDIT_SIGNING_KEY`, `AUDIT_LOG_ORIGIN`, `AUDIT_CHECKPOINT_INTERVAL_SECONDS`). */
  readonly log?: Partial<AuditLogSettings>;
}

/**
 * The audit service: every event of the audited topics appended to a tamper-evident log (RFC 9162 Merkle tree,
 * append-only in the database too), signed C2SP checkpoints, public proofs, and supervisors' reads and exports.
 */
@Module({})
export class AuditModule {
  static forRoot(options: AuditModuleOptions = {}): DynamicModule {
    return {
      module: AuditModule,
      imports: [
        ServicePlatformModule.forService({
          service: 'audit',
          produces: [],
          entities: [],
          migrations: [CreateAuditLog1764375000000],
          database: options.database,
        }),
      ],
      controllers: [
        GetCheckpointHttpController,
        SignCheckpointHttpController,
        GetProofsHttpController,
        ListEntriesHttpController,
        ExportLogHttpController,
        GetProjectRecordHttpController,
        GetFairnessHttpController,
        QueryRecordsHttpController,
        GetStatisticsHttpController,
        GetOcdsHttpController,
        GetCollusionHttpController,
      ],
      providers: [
        { provide: AUDIT_LOG_SETTINGS, useFactory: () => auditLogSettings(options.log) },
        { provide: OCDS_SETTINGS, useFactory: () => ocdsSettings() },
        LogSigner,
        LogTree,
        SignCheckpointHandler,
        RecordEventHandler,
        OnCheckpointDueHandler,
        AuditLogStartup,
      ],
    };
  }
}
