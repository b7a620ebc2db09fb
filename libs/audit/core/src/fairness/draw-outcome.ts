/** What fairness analysis needs of one revealed draw: the frozen pool in its published order and the winners. */
export interface DrawOutcome {
  readonly drawId: string;
  readonly pool: readonly string[];
  readonly winners: readonly string[];
  /**
   * True for a credit-weighted draw (or any algorithm that is not the uniform partial Fisher–Yates): each firm's
   * chance follows its weight, not k/n (`chancesOf`).
   */
  readonly weighted?: boolean;
  /** A weighted draw's committed weights, in pool order; null or absent when the log does not carry them (then it is left out). */
  readonly weights?: readonly number[] | null;
  /** The service item drawn for; null or absent when the log does not say. */
  readonly serviceItemCode?: string | null;
  /** The pool's agencies in the order they signed up, when the round took sign-ups; null or absent otherwise. */
  readonly signUpOrder?: readonly string[] | null;
  /** What each pool agency was, as the log knew it when the draw was committed (so before any entropy existed). */
  readonly attributes?: ReadonlyMap<string, AgencyAtDraw>;
}

export interface AgencyAtDraw {
  /** The city (prefecture) of the firm's seat: its administrative division code with the last two digits 00. */
  readonly region: string | null;
  /** Its qualification grade for the drawn item (1 is the highest; in practice grades follow capital and staff). */
  readonly grade: number | null;
  /**
   * Its typical price: the median, over its valid quotes in bidding rounds closed before the draw, of the quote
   * divided by the round's reference fee (the item's standard fee, else the project's cap). Null without quotes.
   */
  readonly priceLevel: number | null;
}
