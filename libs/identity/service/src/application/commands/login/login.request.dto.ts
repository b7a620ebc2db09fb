import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { RefreshTokenDelivery } from '../../http/session-cookies';

export class LoginRequestDto {
  @IsString() @MinLength(1) @MaxLength(64) username!: string;
  // Longer than any acceptable password, so an over-long one fails as wrong, not as a hint about the policy.
  @IsString() @MinLength(1) @MaxLength(1024) password!: string;
  /** `cookie` (default): the refresh token as an HttpOnly cookie, out of the page's reach; `body`: in the answer. */
  @IsOptional() @IsIn(['cookie', 'body']) refreshTokenDelivery?: RefreshTokenDelivery;
}
