import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class SearchDirectoryRequestDto {
  @IsOptional() @IsString() @MaxLength(64) serviceItemCode?: string;
  @IsOptional() @IsString() @MaxLength(12) region?: string;
  @IsOptional() @IsIn(['ACTIVE', 'SUSPENDED', 'BLACKLISTED']) status?: 'ACTIVE' | 'SUSPENDED' | 'BLACKLISTED';
  /** Free text matched against the firm's name. */
  @IsOptional() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}
