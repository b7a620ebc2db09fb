import { IsString, MaxLength, MinLength } from 'class-validator';

export class RefreshSessionRequestDto {
  @IsString() @MinLength(1) @MaxLength(200) refreshToken!: string;
}
