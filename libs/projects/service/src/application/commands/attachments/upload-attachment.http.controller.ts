import { Controller, HttpCode, Param, ParseUUIDPipe, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { MAX_ATTACHMENT_BYTES } from '@mkt/projects/core';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { singleFileUpload, type UploadedFileContent, Responds } from '@mkt/shared/http';
import { UPLOADED_ATTACHMENT } from '../../http-responses';
import { UploadAttachmentHandler } from './upload-attachment.handler';

@Controller('api/projects/projects')
export class UploadAttachmentHttpController {
  constructor(private readonly handler: UploadAttachmentHandler) {}

  /**
   * A document for the owner's project as multipart/form-data (one part named `file`): PDF, PNG, JPEG, DOCX or
   * XLSX by content, at most 20 MiB. Answers its id, name, type, size, SHA-256 and whether it is already listed
   * (a draft) or awaits an amendment naming it (a published project).
   */
  @Post(':id/attachments')
  @HttpCode(201)
  @Roles('OWNER')
  @UseInterceptors(singleFileUpload(MAX_ATTACHMENT_BYTES))
  @Responds(UPLOADED_ATTACHMENT)
  upload(@Param('id', new ParseUUIDPipe()) id: string, @UploadedFile() file: UploadedFileContent | undefined, @CurrentUser() actor: AuthenticatedUser) {
    return this.handler.execute(id, file, actor);
  }
}
