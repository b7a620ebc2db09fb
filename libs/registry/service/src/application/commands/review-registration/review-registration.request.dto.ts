import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export const REVIEW_DECISIONS = ['APPROVE', 'REJECT', 'REQUEST_CHANGES'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export class ReviewRegistrationRequestDto {
  @IsIn([...REVIEW_DECISIONS]) decision!: ReviewDecision;
  /** Required to reject or to ask for changes: what is wrong, in words the firm can act on. */
  @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}
