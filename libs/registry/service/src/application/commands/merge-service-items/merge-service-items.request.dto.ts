import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class MergeServiceItemsRequestDto {
  /** The items that retire, each pointing to `survivingCode`. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @IsNotEmpty({ each: true }) mergedCodes!: string[];
  @IsString() @IsNotEmpty() @MaxLength(40) survivingCode!: string;
  @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
  @IsOptional() @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/) effectiveDate?: string;
}
