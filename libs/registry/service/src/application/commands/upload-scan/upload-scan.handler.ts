import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { scanMustBeAcceptable } from '@mkt/registry/core';
import type { AuthenticatedUser } from '@mkt/shared/auth';
import { UnitOfWork } from '@mkt/shared/messaging';
import { ScanRepository, type StoredScan } from '../../../infrastructure/scan.repository';
import { actingAgencyId } from '../../acting-agency';

/** Stores a certificate scan for the uploader's firm after checking its type by content and its size. */
@Injectable()
export class UploadScanHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(content: Buffer, actor: AuthenticatedUser): Promise<StoredScan> {
    const organizationId = actingAgencyId(actor);
    const mediaType = scanMustBeAcceptable(content);
    const sha256 = createHash('sha256').update(content).digest('hex');
    return this.unitOfWork.run((tx) =>
      new ScanRepository(tx.manager).save({
        id: randomUUID(),
        organizationId,
        mediaType,
        sizeBytes: content.length,
        sha256,
        content,
        uploadedBy: actor.userId,
        uploadedAt: tx.now.toISOString(),
      }),
    );
  }
}
