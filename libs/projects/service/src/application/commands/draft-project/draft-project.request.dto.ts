import { Type } from 'class-transformer';
import { IsArray, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

class ConflictDto {
  @IsString() @IsNotEmpty() @MaxLength(100) agencyId!: string;
  @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
}

/**
 * A project posting. Shapes are checked here; the rules between fields (method parameters, sign-up window,
 * thresholds) are the domain's, which names the offending field the same way.
 */
export class DraftProjectRequestDto {
  @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @IsString() @IsNotEmpty() @MaxLength(64) serviceItemCode!: string;
  @IsString() @MaxLength(5000) description!: string;
  /** In fen (1/100 yuan). */
  @IsInt() @Min(0) budgetCapFen!: number;
  @IsInt() @Min(1) @Max(9) requiredLevel!: number;
  @IsString() @IsNotEmpty() @MaxLength(12) region!: string;
  @IsInt() @Min(1) @Max(3650) servicePeriodDays!: number;
  @IsObject() selection!: Record<string, unknown>;
  @IsObject() signUp!: Record<string, unknown>;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ConflictDto) conflicts?: ConflictDto[];
}

