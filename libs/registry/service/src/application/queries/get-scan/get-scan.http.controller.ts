import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SCAN_EXTENSION } from '@mkt/registry/core';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { RespondsWith } from '@mkt/shared/http';
import { forbidden } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { ScanRepository } from '../../../infrastructure/scan.repository';

@Controller('api/registry/scans')
export class GetScanHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * The scan's bytes for the firm that uploaded it, the operator and supervisors. Always as a download of its
   * checked type (PDF, PNG or JPEG), never sniffed, never rendered in the site's origin: a crafted file cannot
   * run as a page of the marketplace.
   */
  @Get(':id')
  @Roles('ADMIN', 'SUPERVISOR', 'AGENCY')
  @RespondsWith(['application/pdf', 'image/png', 'image/jpeg'], 'The scan, as a download of its checked type')
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthenticatedUser, @Res() response: Response): Promise<void> {
    const scan = await this.unitOfWork.run((tx) => new ScanRepository(tx.manager).get(id));
    if (user.role === 'AGENCY' && user.organizationId?.toLowerCase() !== scan.organizationId) throw forbidden('REGISTRY.NOT_YOUR_SCAN', "an agency user reads only its own firm's scans");
    response
      .status(200)
      .set({
        'Content-Type': scan.mediaType,
        'Content-Length': String(scan.content.length),
        'Content-Disposition': `attachment; filename="${scan.sha256.slice(0, 16)}.${SCAN_EXTENSION[scan.mediaType]}"`,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
        'X-Scan-SHA256': scan.sha256,
      })
      .end(scan.content);
  }
}
