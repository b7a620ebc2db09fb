import { IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { SELECTION_METHODS } from '@mkt/projects/contracts';

/** A selection-record query: every criterion given must hold; none given means every record the caller may read. */
export class QueryRecordsRequestDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) projectId?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) agencyId?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) ownerOrganizationId?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) serviceItemCode?: string;
  @IsOptional() @IsIn([...SELECTION_METHODS]) method?: string;
  /** Entries that occurred at or after this instant (ISO 8601). */
  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  /** Entries that occurred before this instant (ISO 8601). */
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}
