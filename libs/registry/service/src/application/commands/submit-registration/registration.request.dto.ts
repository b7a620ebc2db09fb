import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class ContactRequestDto {
  @IsString() @MaxLength(50) name!: string;
  @IsString() @MaxLength(20) phone!: string;
  @IsOptional() @IsString() @MaxLength(200) email?: string | null;
}

export class CertificateRequestDto {
  /** The qualification type catalog items require, e.g. ENVIRONMENTAL_IMPACT_ASSESSMENT. */
  @IsString() @MaxLength(64) qualificationType!: string;
  /** 1 is the highest grade. */
  @IsInt() @Min(1) @Max(9) level!: number;
  @IsString() @MaxLength(64) certificateNumber!: string;
  @IsString() @MaxLength(200) issuer!: string;
  @IsDateString({ strict: true }) @MaxLength(10) validFrom!: string;
  @IsDateString({ strict: true }) @MaxLength(10) validUntil!: string;
  /** The id `POST /api/registry/scans` answered for this certificate's scan. */
  @IsUUID() scanId!: string;
}

/** A firm's registration (入驻) as it submits or resubmits it; the rules in registry-core check it in full. */
export class RegistrationRequestDto {
  @IsString() @MaxLength(200) name!: string;
  @IsString() @MaxLength(18) creditCode!: string;
  @IsString() @MaxLength(50) legalRepresentative!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => ContactRequestDto) contacts!: ContactRequestDto[];
  @IsString() @MaxLength(6) region!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => CertificateRequestDto) qualifications!: CertificateRequestDto[];
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(40, { each: true }) serviceItems!: string[];
}
