import { IsNotEmpty, IsString, Length, MaxLength } from 'class-validator';

export class RegisterAgencyRequestDto {
  @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @IsString() @Length(18, 18) creditCode!: string;
  /** Administrative division code of the firm's seat, e.g. 330100. */
  @IsString() @IsNotEmpty() @MaxLength(12) region!: string;
}
