import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class RetireServiceItemRequestDto {
  @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
  @IsOptional() @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/) effectiveDate?: string;
}
