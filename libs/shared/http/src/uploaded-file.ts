import { BadRequestException, HttpException, HttpStatus, Injectable, mixin, PayloadTooLargeException, type CallHandler, type ExecutionContext, type NestInterceptor, type Type } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';

/** The part of a multipart upload the handlers use (multer's memory storage). */
export interface UploadedFileContent {
  readonly buffer: Buffer;
  readonly size: number;
  readonly originalname: string;
}

/**
 * Accepts one multipart part named `file`, at most `maxBytes`, held in memory; multer stops reading past the
 * limit. A file over it is answered 413 naming the field, like every other refusal.
 */
export function singleFileUpload(maxBytes: number): Type<NestInterceptor> {
  // busboy stops at the limit itself, so it is set one byte past the largest file accepted.
  const Multer = FileInterceptor('file', { limits: { fileSize: maxBytes + 1, files: 1, fields: 0 } });

  @Injectable()
  class SingleFileUpload extends Multer {
    override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await super.intercept(context, next);
      } catch (error) {
        if (error instanceof PayloadTooLargeException) {
          throw new HttpException({ code: 'REQUEST.FILE_TOO_LARGE', message: `the file has more than ${maxBytes} bytes`, field: 'file' }, HttpStatus.PAYLOAD_TOO_LARGE);
        }
        if (error instanceof BadRequestException) {
          throw new BadRequestException({ code: 'REQUEST.MALFORMED_UPLOAD', message: `send one multipart/form-data part named "file" (${error.message})`, field: 'file' });
        }
        throw error;
      }
    }
  }
  return mixin(SingleFileUpload);
}

export function fileMustBePresent(file: UploadedFileContent | undefined): UploadedFileContent {
  if (!file) throw new BadRequestException({ code: 'REQUEST.FILE_REQUIRED', message: 'send the file as a multipart/form-data part named "file"', field: 'file' });
  return file;
}

/**
 * The client's file name. Browsers send it as UTF-8 bytes, which multer's busboy reads as Latin-1 by default;
 * a name that is valid UTF-8 when read back as bytes is decoded as such (招标文件.pdf, not æ\u008b\u009b…).
 */
export function originalNameOf(file: UploadedFileContent): string {
  const name = file.originalname ?? '';
  if (![...name].every((c) => c.charCodeAt(0) <= 0xff)) return name;
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? name : utf8;
}
