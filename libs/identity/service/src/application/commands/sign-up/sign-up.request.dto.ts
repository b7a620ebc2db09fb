import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

export class SignUpRequestDto {
  @IsString() @MinLength(3) @MaxLength(64) username!: string;
  @IsString() @MaxLength(1024) password!: string;
  @IsString() @MinLength(1) @MaxLength(100) displayName!: string;
  @IsIn(['AGENCY', 'OWNER']) role!: 'AGENCY' | 'OWNER';
  /** The agency's id (AGENCY) or the owner organisation's id (OWNER); an ADMIN checks it before approving. */
  @IsString() @MinLength(1) @MaxLength(100) organizationId!: string;
}
