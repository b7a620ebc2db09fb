import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@mkt/shared/messaging';
import { RefreshTokenRepository } from '../../../infrastructure/refresh-token.repository';
import { refreshTokenHash } from '../../session-tokens';

@Injectable()
export class LogoutHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Ends the session the refresh token belongs to (its whole family). Unknown tokens change nothing. */
  execute(refreshToken: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const tokens = new RefreshTokenRepository(tx.manager);
      const presented = await tokens.findForUpdate(refreshTokenHash(refreshToken));
      if (presented) await tokens.revokeFamily(presented.familyId, tx.now);
    });
  }
}
