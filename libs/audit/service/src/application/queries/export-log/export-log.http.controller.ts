import { Controller, Get, Query } from '@nestjs/common';
import { createLogExport, hexToBytesOrNull, type LogExport } from '@mkt/audit/core';
import { Roles } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { notFound } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AuditLogRepository } from '../../../infrastructure/audit-log.repository';
import { CheckpointRepository } from '../../../infrastructure/checkpoint.repository';
import { LOG_EXPORT } from '../../http-responses';
import { LogSigner } from '../../log-signer';
import { ExportLogRequestDto } from './export-log.request.dto';

@Controller('api/audit/export')
export class ExportLogHttpController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly signer: LogSigner,
  ) {}

  /**
   * The log in the core's `mkt-audit-log/v1` format, for offline verification (`verifyLogExport`,
   * `tools/verify-log`): every entry up to the latest checkpoint at or below `size`, their stored leaf hashes,
   * and every checkpoint up to it. It ends at a signed size, so everything in it is covered by a signature.
   */
  @Get()
  @Roles('SUPERVISOR')
  @Responds(LOG_EXPORT)
  async export(@Query() { size }: ExportLogRequestDto): Promise<LogExport> {
    const { origin } = await this.signer.key();
    return this.unitOfWork.run(async (tx) => {
      const checkpoints = new CheckpointRepository(tx.manager);
      const signed = await checkpoints.latestAtMost(size ?? null);
      if (!signed) throw notFound('AUDIT.NO_CHECKPOINT', `no checkpoint at or below size ${size}`);
      const entries = await new AuditLogRepository(tx.manager).entries(0, null, signed.size);
      return createLogExport({
        origin,
        entries: entries.map((e) => JSON.parse(e.entry) as unknown),
        leafHashes: entries.map((e) => hexToBytesOrNull(e.leafHash) as Uint8Array),
        checkpoints: await checkpoints.notesUpTo(signed.size),
      });
    });
  }
}
