import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class CreateAccountRequestDto {
  @IsString() @MinLength(3) @MaxLength(64) username!: string;
  @IsString() @MaxLength(1024) password!: string;
  @IsString() @MinLength(1) @MaxLength(100) displayName!: string;
  @IsIn(['ADMIN', 'AGENCY', 'OWNER', 'SUPERVISOR']) role!: 'ADMIN' | 'AGENCY' | 'OWNER' | 'SUPERVISOR';
  /** Required for AGENCY and OWNER, absent for ADMIN and SUPERVISOR. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) organizationId?: string;
}
