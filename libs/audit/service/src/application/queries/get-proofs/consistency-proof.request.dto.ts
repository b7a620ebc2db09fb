import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class ConsistencyProofRequestDto {
  /** The size of the checkpoint the client already trusts. */
  @Type(() => Number) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) from!: number;
  /** The size of the newer checkpoint it is asked to accept. */
  @Type(() => Number) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) to!: number;
}
