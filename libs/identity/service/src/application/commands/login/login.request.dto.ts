import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginRequestDto {
  @IsString() @MinLength(1) @MaxLength(64) username!: string;
  // Longer than any acceptable password, so an over-long one fails as wrong, not as a hint about the policy.
  @IsString() @MinLength(1) @MaxLength(1024) password!: string;
}
