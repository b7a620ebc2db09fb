import { BadRequestException } from '@nestjs/common';
import type { ImportRowError } from '@mkt/registry/core';

/** A file with any bad row imports nothing; the answer lists every row at fault with its column. */
export function importRejected(errors: readonly ImportRowError[]): BadRequestException {
  return new BadRequestException({
    code: 'REGISTRY.IMPORT_REJECTED',
    message: `nothing was imported: ${errors.length} problem(s) in the file`,
    field: 'file',
    errors,
  });
}
