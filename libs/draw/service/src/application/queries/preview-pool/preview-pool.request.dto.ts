import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class PreviewPoolRequestDto {
  @IsString() @IsNotEmpty() @MaxLength(64) serviceItemCode!: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(9) requiredLevel!: number;
  @IsDateString({ strict: true }) @MaxLength(10) on!: string;
  /** A credit-weighted draw's threshold (credit scores run 0–100); given with `weightFunction`, the preview weighs the pool. */
  @IsOptional() @Type(() => Number) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(100) minimumCreditScore?: number;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) weightFunction?: string;
}
