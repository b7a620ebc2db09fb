import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class ExportLogRequestDto {
  /** Export up to the latest checkpoint at or below this size; the latest checkpoint when absent. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) size?: number;
}
