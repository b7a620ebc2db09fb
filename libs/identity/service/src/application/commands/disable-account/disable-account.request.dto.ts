import { IsString, MaxLength } from 'class-validator';

export class DisableAccountRequestDto {
  @IsString() @MaxLength(500) reason!: string;
}
