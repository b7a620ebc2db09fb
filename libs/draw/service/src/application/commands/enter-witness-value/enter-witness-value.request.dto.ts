import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class EnterWitnessValueRequestDto {
  /** Anything the witness chooses: a number, a phrase. It is public at once and cannot be changed. */
  @IsString() @IsNotEmpty() @MaxLength(200) value!: string;
}
