/** One hypothesis test for signs of collusion: what was tested, about whom, its statistic, p-value and evidence. */
export interface CollusionTest {
  readonly name: 'co-bidding' | 'quote-spread' | 'identical-quotes' | 'repeated-declines';
  /** The agencies the test concerns (a pair, a round's bidders, one agency). */
  readonly agencyIds: readonly string[];
  /** The bidding round a per-round test concerns; null otherwise. */
  readonly biddingId: string | null;
  readonly statistic: number;
  readonly pValue: number;
  /** What a supervisor needs to judge the flag: counts, prices, rounds, who gained. */
  readonly evidence: Readonly<Record<string, unknown>>;
}
