import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class ListRegistrationsRequestDto {
  @IsOptional() @IsIn(['SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED']) status?: 'SUBMITTED' | 'CHANGES_REQUESTED' | 'APPROVED' | 'REJECTED';
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}
