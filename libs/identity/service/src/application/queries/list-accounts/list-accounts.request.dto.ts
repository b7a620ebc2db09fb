import { IsIn, IsOptional } from 'class-validator';

export class ListAccountsRequestDto {
  @IsOptional() @IsIn(['PENDING', 'ACTIVE', 'DISABLED']) status?: 'PENDING' | 'ACTIVE' | 'DISABLED';
  @IsOptional() @IsIn(['ADMIN', 'AGENCY', 'OWNER', 'SUPERVISOR']) role?: 'ADMIN' | 'AGENCY' | 'OWNER' | 'SUPERVISOR';
}
