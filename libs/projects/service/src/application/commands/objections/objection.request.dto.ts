import { Type } from 'class-transformer';
import { IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export class FileObjectionRequestDto {
  /** 质疑: what is wrong with the published selection, and why. */
  @IsString() @IsNotEmpty() @MaxLength(5000) grounds!: string;
}

class ExclusionDto {
  @IsString() @IsNotEmpty() @MaxLength(100) agencyId!: string;
  @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
}

export class RuleOnObjectionRequestDto {
  @IsIn(['UPHELD', 'DISMISSED']) verdict!: 'UPHELD' | 'DISMISSED';
  @IsString() @IsNotEmpty() @MaxLength(5000) reason!: string;
  /** Upheld only: agencies the ruling keeps out of every later round of this project. */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ExclusionDto) exclude?: ExclusionDto[];
}
