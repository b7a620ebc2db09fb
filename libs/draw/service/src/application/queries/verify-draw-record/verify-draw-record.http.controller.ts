import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { verifyDraw, type DrawRecord } from '@mkt/draw/core';
import { Public } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { invalid } from '@mkt/shared/kernel';
import { DRAW_VERIFICATION } from '../../http-responses';

/**
 * Anyone may ask the server to check a record — the same pure code the CLI and the browser run, so a
 * verifier never has to trust this endpoint.
 */
@Controller('api/draw/verify')
export class VerifyDrawRecordHttpController {
  @Post()
  @HttpCode(200)
  @Public()
  @Responds(DRAW_VERIFICATION)
  verify(@Body() record: DrawRecord) {
    if (typeof record !== 'object' || record === null || !Array.isArray(record.pool) || typeof record.secret !== 'string' || typeof record.entropy !== 'object') {
      throw invalid('DRAW.NOT_A_DRAW_RECORD', 'send a revealed draw record (pool, secret, entropy, seed, winners …)', 'record');
    }
    try {
      return verifyDraw(record);
    } catch (error) {
      throw invalid('DRAW.NOT_A_DRAW_RECORD', `the record cannot be checked: ${(error as Error).message}`, 'record');
    }
  }
}
