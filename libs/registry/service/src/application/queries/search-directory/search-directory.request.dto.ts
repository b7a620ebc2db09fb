import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class SearchDirectoryRequestDto {
  @IsOptional() @IsString() @MaxLength(64) serviceItemCode?: string;
  /** The qualification type a catalog item requires, e.g. ENVIRONMENTAL_IMPACT_ASSESSMENT. */
  @IsOptional() @IsString() @MaxLength(64) qualificationType?: string;
  /** Qualified at this level or better (1 is the highest grade). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(9) level?: number;
  @IsOptional() @IsString() @MaxLength(12) region?: string;
  @IsOptional() @IsIn(['ACTIVE', 'SUSPENDED', 'BLACKLISTED']) status?: 'ACTIVE' | 'SUSPENDED' | 'BLACKLISTED';
  /** Free text matched against the firm's name. */
  @IsOptional() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}
