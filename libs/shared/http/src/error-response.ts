/** The one error body every endpoint returns: clients branch on `code` and point at `field`. */
export interface ErrorResponse {
  readonly code: string;
  readonly message: string;
  readonly field: string | null;
}
