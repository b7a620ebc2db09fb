import { IsDateString, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';

export class GrantQualificationRequestDto {
  /** Certificate number: also the qualification's id, unique across the registry. */
  @IsString() @IsNotEmpty() @MaxLength(64) certificateNumber!: string;
  @IsString() @IsNotEmpty() @MaxLength(64) serviceItemCode!: string;
  @IsInt() @Min(1) @Max(9) level!: number;
  @IsDateString({ strict: true }) @MaxLength(10) validFrom!: string;
  @IsDateString({ strict: true }) @MaxLength(10) validUntil!: string;
}
