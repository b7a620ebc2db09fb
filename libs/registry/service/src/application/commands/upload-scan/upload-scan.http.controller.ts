import { Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { MAX_SCAN_BYTES } from '@mkt/registry/core';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { fileMustBePresent, singleFileUpload, type UploadedFileContent, Responds, schema } from '@mkt/shared/http';
import { UploadScanHandler } from './upload-scan.handler';

@Controller('api/registry/scans')
export class UploadScanHttpController {
  constructor(private readonly handler: UploadScanHandler) {}

  /**
   * A certificate scan as multipart/form-data (one part named `file`): PDF, PNG or JPEG by content, at most
   * 10 MiB. Answers its id (to name in the application), type, size and SHA-256.
   */
  @Post()
  @HttpCode(201)
  @Roles('AGENCY')
  @UseInterceptors(singleFileUpload(MAX_SCAN_BYTES))
  @Responds(schema.object({ id: schema.uuid(), organizationId: schema.string(), mediaType: schema.oneOf(['application/pdf', 'image/png', 'image/jpeg']), sizeBytes: schema.integer(), sha256: schema.hex(), uploadedAt: schema.instant() }))
  upload(@UploadedFile() file: UploadedFileContent | undefined, @CurrentUser() actor: AuthenticatedUser) {
    return this.handler.execute(fileMustBePresent(file).buffer, actor);
  }
}
