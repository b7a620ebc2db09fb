import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { attachmentMustBeAcceptable, attachmentName } from '@mkt/projects/core';
import type { AuthenticatedUser } from '@mkt/shared/auth';
import { conflict } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AttachmentFileRepository, type StoredAttachmentFile } from '../../../infrastructure/attachment-file.repository';
import { ProjectRepository } from '../../../infrastructure/project.repository';
import { changeProjectIn } from '../../change-project';
import { fileMustBePresent, originalNameOf, type UploadedFileContent } from '@mkt/shared/http';

export type UploadedAttachment = StoredAttachmentFile & { readonly status: 'ATTACHED' | 'AWAITING_AMENDMENT' };

/**
 * Stores a document for a project after checking its type by content and its size. A draft lists it at once; a
 * published project holds it until the owner names it in an amendment (`attachmentIds`), which records it.
 */
@Injectable()
export class UploadAttachmentHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(projectId: string, uploaded: UploadedFileContent | undefined, actor: AuthenticatedUser): Promise<UploadedAttachment> {
    return this.unitOfWork.run(async (tx) => {
      const { project } = await new ProjectRepository(tx.manager).get(projectId);
      // Who may add documents, and when, is decided before anything about the file is said.
      const path = project.attachmentPathFor(actor);
      const received = fileMustBePresent(uploaded);
      const content = received.buffer;
      const mediaType = attachmentMustBeAcceptable(content);
      const sha256 = createHash('sha256').update(content).digest('hex');
      const files = new AttachmentFileRepository(tx.manager);
      const existing = await files.withContent(projectId, sha256);
      if (existing) throw conflict('PROJECTS.ATTACHMENT_EXISTS', `this document was already uploaded for the project as ${existing.name} (${existing.id})`, 'file');
      const file: StoredAttachmentFile = {
        id: randomUUID(),
        projectId,
        name: attachmentName(originalNameOf(received), mediaType),
        mediaType,
        sizeBytes: content.length,
        sha256,
        uploadedAt: tx.now.toISOString(),
      };
      await files.insert({ ...file, content, uploadedBy: actor.userId });
      if (path === 'HOLD_FOR_AMENDMENT') return { ...file, status: 'AWAITING_AMENDMENT' as const };
      const { id, name, sizeBytes } = file;
      await changeProjectIn(tx, projectId, (p, now) => p.attach(actor, { id, name, mediaType, sizeBytes, sha256, addedAt: file.uploadedAt, amendment: null }, now));
      return { ...file, status: 'ATTACHED' as const };
    });
  }
}
