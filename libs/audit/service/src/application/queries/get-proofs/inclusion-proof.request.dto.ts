import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class InclusionProofRequestDto {
  /** The entry's position (leaf index). */
  @Type(() => Number) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) index!: number;
  /** The tree size of the checkpoint the client holds. */
  @Type(() => Number) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) size!: number;
}
