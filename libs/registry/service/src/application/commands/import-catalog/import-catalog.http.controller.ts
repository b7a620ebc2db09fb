import { Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { Roles } from '@mkt/shared/auth';
import { MAX_IMPORT_BYTES } from '../../../infrastructure/import-table.reader';
import { fileMustBePresent, singleFileUpload, type UploadedFileContent } from '@mkt/shared/http';
import { ImportCatalogHandler } from './import-catalog.handler';

@Controller('api/registry/imports')
export class ImportCatalogHttpController {
  constructor(private readonly handler: ImportCatalogHandler) {}

  /** A CSV (UTF-8) or .xlsx file, one row per service item (columns in docs/registry-import.md), as multipart part `file`. */
  @Post('catalog')
  @HttpCode(201)
  @Roles('ADMIN')
  @UseInterceptors(singleFileUpload(MAX_IMPORT_BYTES))
  import(@UploadedFile() file: UploadedFileContent | undefined) {
    return this.handler.execute(fileMustBePresent(file).buffer);
  }
}
