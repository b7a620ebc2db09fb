import { Controller, Get, Param } from '@nestjs/common';
import { hexOf } from '@mkt/audit/core';
import { Roles } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { invalid } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AuditLogRepository } from '../../../infrastructure/audit-log.repository';
import { CheckpointRepository } from '../../../infrastructure/checkpoint.repository';
import { PROJECT_RECORD } from '../../http-responses';
import { checkpointView, entryView } from '../../log-response.mapper';
import { LogSigner } from '../../log-signer';
import { LogTree } from '../../log-tree';

@Controller('api/audit/projects')
export class GetProjectRecordHttpController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tree: LogTree,
    private readonly signer: LogSigner,
  ) {}

  /**
   * Everything the log holds about one project — events about it as the aggregate, or naming it as
   * payload.projectId — in log order, each with an inclusion proof against the latest checkpoint (null for an
   * entry appended after it, not signed yet). A supervisor checks each proof against the checkpoint's root.
   */
  @Get(':projectId/record')
  @Roles('SUPERVISOR')
  @Responds(PROJECT_RECORD)
  async record(@Param('projectId') projectId: string) {
    if (projectId.length > 200) throw invalid('AUDIT.INVALID_PROJECT_ID', 'a project id has at most 200 characters', 'projectId');
    const key = await this.signer.key();
    return this.unitOfWork.run(async (tx) => {
      const checkpoint = await new CheckpointRepository(tx.manager).latest();
      const signedSize = checkpoint?.size ?? 0;
      const tree = await this.tree.covering(signedSize, tx.manager);
      const entries = await new AuditLogRepository(tx.manager).forProject(projectId);
      return {
        projectId,
        checkpoint: checkpoint ? checkpointView(checkpoint, key) : null,
        entries: entries.map((entry) => ({
          ...entryView(entry),
          inclusionProof: entry.position < signedSize ? tree.inclusionProof(entry.position, signedSize).map(hexOf) : null,
        })),
      };
    });
  }
}
