import { Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { Roles } from '@mkt/shared/auth';
import { fileMustBePresent, singleFileUpload, type UploadedFileContent, Responds, schema } from '@mkt/shared/http';
import { MAX_IMPORT_BYTES } from '../../../infrastructure/import-table.reader';
import { ImportAgenciesHandler } from './import-agencies.handler';

@Controller('api/registry/imports')
export class ImportAgenciesHttpController {
  constructor(private readonly handler: ImportAgenciesHandler) {}

  /** A CSV (UTF-8) or .xlsx file, one row per certificate (columns in docs/registry-import.md), as multipart part `file`. */
  @Post('agencies')
  @HttpCode(201)
  @Roles('ADMIN')
  @UseInterceptors(singleFileUpload(MAX_IMPORT_BYTES))
  @Responds(schema.object({ imported: schema.integer(), agencies: schema.array(schema.object({ id: schema.uuid(), creditCode: schema.string(), rows: schema.array(schema.integer()) })) }))
  import(@UploadedFile() file: UploadedFileContent | undefined) {
    return this.handler.execute(fileMustBePresent(file).buffer);
  }
}
