import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsObject, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

export class BilingualTextDto {
  @IsString() @IsNotEmpty() @MaxLength(2000) zhCN!: string;
  @IsString() @IsNotEmpty() @MaxLength(2000) en!: string;
}

/** The published standard, shared by publishing an item and changing it (a change replaces the whole standard). */
export class ServiceItemStandardRequestDto {
  @IsString() @Matches(/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/) @MaxLength(40) categoryCode!: string;
  @IsObject() @ValidateNested() @Type(() => BilingualTextDto) name!: BilingualTextDto;
  @IsObject() @ValidateNested() @Type(() => BilingualTextDto) content!: BilingualTextDto;
  @IsString() @IsNotEmpty() @MaxLength(1000) legalBasis!: string;
  @IsInt() @Min(1) @Max(365) timeLimitWorkingDays!: number;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => BilingualTextDto) processSteps!: BilingualTextDto[];
  @IsObject() @ValidateNested() @Type(() => BilingualTextDto) feeBasis!: BilingualTextDto;
  /** In fen; null when the fee is computed per project from the fee basis. */
  @ValidateIf((_, v) => v !== null) @IsInt() @Min(0) standardFeeFen!: number | null;
  @IsString() @IsNotEmpty() @MaxLength(100) qualificationType!: string;
  @IsInt() @Min(1) @Max(9) minimumLevel!: number;
}
