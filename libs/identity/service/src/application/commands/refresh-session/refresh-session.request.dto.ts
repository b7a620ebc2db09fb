import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class RefreshSessionRequestDto {
  /** For clients that took the token in the body; a browser sends `{}` and its refresh cookie instead. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) refreshToken?: string;
}
