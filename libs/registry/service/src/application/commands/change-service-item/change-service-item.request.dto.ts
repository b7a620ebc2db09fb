import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ServiceItemStandardRequestDto } from '../service-item-standard.request.dto';

/** The whole new standard; the code stays and the version goes up. */
export class ChangeServiceItemRequestDto extends ServiceItemStandardRequestDto {
  @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
  @IsOptional() @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/) effectiveDate?: string;
}
