import { Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { Roles } from '@mkt/shared/auth';
import { fileMustBePresent, singleFileUpload, type UploadedFileContent, Responds, schema } from '@mkt/shared/http';
import { MAX_IMPORT_BYTES } from '../../../infrastructure/import-table.reader';
import { CATALOG_CHANGE } from '../../http-responses';
import { ImportCatalogHandler } from './import-catalog.handler';

@Controller('api/registry/imports')
export class ImportCatalogHttpController {
  constructor(private readonly handler: ImportCatalogHandler) {}

  /** A CSV (UTF-8) or .xlsx file, one row per service item (columns in docs/registry-import.md), as multipart part `file`. */
  @Post('catalog')
  @HttpCode(201)
  @Roles('ADMIN')
  @UseInterceptors(singleFileUpload(MAX_IMPORT_BYTES))
  @Responds(schema.object({ imported: schema.integer(), newCategories: schema.array(schema.string()), changes: schema.array(CATALOG_CHANGE) }))
  import(@UploadedFile() file: UploadedFileContent | undefined) {
    return this.handler.execute(fileMustBePresent(file).buffer);
  }
}
