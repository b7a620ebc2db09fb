import { IsIn, IsString, MaxLength } from 'class-validator';
import { AGENCY_STATUSES, type AgencyStatusName } from '@mkt/registry/contracts';

export class ChangeAgencyStatusRequestDto {
  @IsIn(AGENCY_STATUSES) status!: AgencyStatusName;
  @IsString() @MaxLength(1000) reason!: string;
}
