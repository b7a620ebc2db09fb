import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';

export class PreviewPoolRequestDto {
  @IsString() @IsNotEmpty() @MaxLength(64) serviceItemCode!: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(9) requiredLevel!: number;
  @IsDateString({ strict: true }) @MaxLength(10) on!: string;
}
