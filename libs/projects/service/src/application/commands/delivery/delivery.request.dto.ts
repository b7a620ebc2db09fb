import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class RecordContractRequestDto {
  @IsString() @IsNotEmpty() @MaxLength(100) agencyId!: string;
  /** Contract amount in fen: at most the winning price or the budget cap. */
  @IsInt() @Min(0) amountFen!: number;
  @Matches(DATE, { message: 'startDate must be a calendar date YYYY-MM-DD' }) startDate!: string;
}

export class RecordCompletionRequestDto {
  @IsString() @IsNotEmpty() @MaxLength(100) agencyId!: string;
  @Matches(DATE, { message: 'completionDate must be a calendar date YYYY-MM-DD' }) completionDate!: string;
}

export class EvaluateRequestDto {
  @IsString() @IsNotEmpty() @MaxLength(100) agencyId!: string;
  @IsInt() @Min(1) @Max(5) quality!: number;
  @IsBoolean() feeCompliant!: boolean;
  @IsOptional() @IsString() @MaxLength(5000) comment?: string;
}
