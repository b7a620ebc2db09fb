import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ServiceItemStandardRequestDto } from '../service-item-standard.request.dto';

export class AddServiceItemRequestDto extends ServiceItemStandardRequestDto {
  @IsString() @Matches(/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/, { message: 'code is upper-case letters, digits and single hyphens, e.g. EIA-REPORT' }) @MaxLength(40) code!: string;
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
  @IsOptional() @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/) effectiveDate?: string;
}
