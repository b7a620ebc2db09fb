import type { EntityManager } from 'typeorm';
import type { Attachment } from '@mkt/projects/core';
import { invalid } from '@mkt/shared/kernel';
import { AttachmentFileRepository } from '../infrastructure/attachment-file.repository';

/** The uploaded files an amendment names, as attachments for the aggregate; each must have been uploaded for this project. */
export async function attachmentsNamed(manager: EntityManager, projectId: string, ids: readonly string[]): Promise<Attachment[]> {
  if (ids.length === 0) return [];
  const uploaded = new Map((await new AttachmentFileRepository(manager).ofProject(projectId)).map((f) => [f.id, f]));
  return ids.map((id, i) => {
    const file = uploaded.get(id);
    if (!file) throw invalid('PROJECTS.UNKNOWN_ATTACHMENT', `no file ${id} was uploaded for this project`, `attachmentIds.${i}`);
    return { id: file.id, name: file.name, mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256, addedAt: file.uploadedAt, amendment: null };
  });
}
