import { IsInt, IsString, Matches, Min } from 'class-validator';

export class SubmitBeaconRequestDto {
  @IsInt() @Min(1) round!: number;
  /** The round's BLS signature, hex, as the drand network published it. */
  @IsString() @Matches(/^[0-9a-f]{96}$/, { message: 'signature must be the 48-byte G1 signature in lower-case hex' }) signature!: string;
}
