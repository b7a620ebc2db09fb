import { ArrayMaxSize, IsArray, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** Changes to the posted terms; the domain checks each changed field and names the one at fault. */
export class AmendProjectRequestDto {
  @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
  @IsObject() changes!: Record<string, unknown>;
  /** Documents uploaded to the published project that this amendment announces. */
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) attachmentIds?: string[];
}

export class RepostProjectRequestDto {
  @IsOptional() @IsString() @MaxLength(2000) reason?: string;
  /** Anything to change for the next round, the selection method included. */
  @IsOptional() @IsObject() changes?: Record<string, unknown>;
}

export class CancelProjectRequestDto {
  @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}

export class SelectDirectlyRequestDto {
  @IsString() @IsNotEmpty() @MaxLength(100) agencyId!: string;
}
