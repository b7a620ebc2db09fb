/** What fairness analysis needs of one revealed draw: the frozen pool in its published order and the winners. */
export interface DrawOutcome {
  readonly drawId: string;
  readonly pool: readonly string[];
  readonly winners: readonly string[];
}
