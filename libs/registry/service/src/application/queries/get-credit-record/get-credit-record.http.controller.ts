import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { CREDIT_FORMULA, firstInconsistentEntry } from '@mkt/registry/core';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { forbidden } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AgencyRepository } from '../../../infrastructure/agency.repository';
import { CreditRepository } from '../../../infrastructure/credit.repository';
import { CREDIT_RECORD } from '../../http-responses';

/**
 * The whole credit record with every entry's detail and source, and whether the formula reproduces it:
 * operator and supervisors for any firm, an agency's user for its own.
 */
@Controller('api/registry/agencies')
export class GetCreditRecordHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Get(':id/credit')
  @Roles('ADMIN', 'SUPERVISOR', 'AGENCY')
  @Responds(CREDIT_RECORD)
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthenticatedUser) {
    if (user.role === 'AGENCY' && user.organizationId !== id) throw forbidden('AUTH.NOT_YOUR_AGENCY', 'an agency user can read only its own firm');
    return this.unitOfWork.run(async (tx) => {
      await new AgencyRepository(tx.manager).get(id);
      const credit = new CreditRepository(tx.manager);
      const entries = (await credit.entries(id, null)).reverse();
      const inconsistent = firstInconsistentEntry(entries);
      const score = await credit.scoreOf(id);
      const lastScore = entries.at(-1)?.scoreAfter ?? CREDIT_FORMULA.start;
      return {
        agencyId: id,
        score,
        formula: CREDIT_FORMULA,
        entries,
        recomputed: { consistent: inconsistent === null && lastScore === score, firstInconsistentSequence: inconsistent?.sequence ?? null },
      };
    });
  }
}
