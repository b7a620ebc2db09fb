import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE, type ProjectState } from '@mkt/projects/core';
import { CurrentUser, Public, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { RespondsWith } from '@mkt/shared/http';
import { forbidden, notFound } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AttachmentFileRepository, type StoredAttachmentFile } from '../../../infrastructure/attachment-file.repository';
import { ProjectRepository } from '../../../infrastructure/project.repository';

const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE];

/**
 * Attachment downloads. A published project's documents are public announcement documents: anyone may fetch
 * them from the announcement. A draft's documents, and files awaiting an amendment, are for the owner and
 * supervisors only. Always served as a download of the checked type, never sniffed or rendered in the site's
 * origin, so a crafted file cannot run as a page of the marketplace.
 */
@Controller('api/projects')
export class DownloadAttachmentHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Get('announcements/:id/attachments/:attachmentId')
  @Public()
  @RespondsWith(ATTACHMENT_TYPES, 'The announced document, as a download')
  async announced(@Param('id', new ParseUUIDPipe()) id: string, @Param('attachmentId', new ParseUUIDPipe()) attachmentId: string, @Res() response: Response): Promise<void> {
    const file = await this.unitOfWork.run(async (tx) => {
      const { project } = await new ProjectRepository(tx.manager).get(id);
      // Not found rather than forbidden: a draft and its documents are not announced yet.
      if (!isAnnounced(project.snapshot, attachmentId)) throw notFound('PROJECTS.ATTACHMENT_NOT_FOUND', `project ${id} announces no attachment ${attachmentId}`);
      return new AttachmentFileRepository(tx.manager).get(id, attachmentId);
    });
    send(response, file, 'public, max-age=300');
  }

  @Get('projects/:id/attachments/:attachmentId')
  @Roles('OWNER', 'SUPERVISOR')
  @RespondsWith(ATTACHMENT_TYPES, 'Any file of the project, as a download')
  async owned(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('attachmentId', new ParseUUIDPipe()) attachmentId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.unitOfWork.run(async (tx) => {
      const { project } = await new ProjectRepository(tx.manager).get(id);
      if (user.role === 'OWNER' && project.snapshot.ownerId !== user.organizationId) throw forbidden('PROJECTS.NOT_PROJECT_OWNER', "an owner reads only its own projects' documents");
      return new AttachmentFileRepository(tx.manager).get(id, attachmentId);
    });
    send(response, file, 'private, no-store');
  }
}

/** Announced: the project has been published (whatever became of it since) and the file is part of its posting. */
function isAnnounced(project: ProjectState, attachmentId: string): boolean {
  return project.publishedAt !== null && (project.attachments ?? []).some((a) => a.id === attachmentId);
}

/** RFC 8187 §3.2.1 value-chars: encodeURIComponent leaves ' ( ) * unescaped, which attr-char does not allow. */
function rfc8187(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function send(response: Response, file: StoredAttachmentFile & { content: Buffer }, cacheControl: string): void {
  // RFC 6266 §4.3: an ASCII fallback name, then the UTF-8 name (RFC 8187) for clients that read it.
  const fallback = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  response
    .status(200)
    .set({
      'Content-Type': file.mediaType,
      'Content-Length': String(file.content.length),
      'Content-Disposition': `attachment; filename="${fallback}"; filename*=UTF-8''${rfc8187(file.name)}`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': cacheControl,
      ETag: `"${file.sha256}"`,
      'X-Attachment-SHA256': file.sha256,
    })
    .end(file.content);
}
