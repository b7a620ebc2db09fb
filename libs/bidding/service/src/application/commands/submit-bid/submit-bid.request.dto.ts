import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

export class QuoteDto {
  @IsIn(['AMOUNT', 'DISCOUNT_RATE']) form!: 'AMOUNT' | 'DISCOUNT_RATE';
  /** AMOUNT: the price in fen. */
  @ValidateIf((q: QuoteDto) => q.form === 'AMOUNT') @IsInt() @Min(1) amountFen?: number;
  /** DISCOUNT_RATE: a fraction off the standard fee (0.15 = 15 % off). */
  @ValidateIf((q: QuoteDto) => q.form === 'DISCOUNT_RATE') @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 }) @Min(0) @Max(0.9999) rate?: number;
}

/** A sealed bid as the agency types it. The salt is optional: without one the service draws 32 random bytes. */
export class SubmitBidRequestDto {
  @IsObject() @ValidateNested() @Type(() => QuoteDto) quote!: QuoteDto;
  @IsInt() @Min(1) @Max(3650) servicePeriodDays!: number;
  @IsOptional() @IsString() @MaxLength(2000) note?: string | null;
  @IsOptional() @Matches(/^[0-9a-f]{64}$/, { message: 'salt must be 32 bytes as 64 lower-case hex digits' }) salt?: string;
}
