import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { MISCONDUCT_KINDS, type MisconductKind } from '@mkt/registry/core';

export class RecordMisconductRequestDto {
  @IsIn(MISCONDUCT_KINDS) kind!: MisconductKind;
  @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
  /** The project the finding concerns, when there is one. */
  @IsOptional() @IsString() @MaxLength(64) projectId?: string;
}
