import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { AGENCY_STATUSES, type AgencyStatusName } from '@mkt/registry/contracts';

export class ChangeAgencyStatusRequestDto {
  @IsIn(AGENCY_STATUSES) status!: AgencyStatusName;
  @IsString() @MaxLength(1000) reason!: string;
  /** Sanctions only: when it starts (default now) and the instant it ends, ISO 8601 with an offset. */
  @IsOptional() @IsString() @MaxLength(40) from?: string;
  @IsOptional() @IsString() @MaxLength(40) until?: string;
}
