/** Scheduled-task kind that closes a round at its deadline. */
export const CLOSE_BIDDING_TASK = 'bidding.close';
/** Who witnesses a tie-break draw: the project owner and a supervisor, as for a selection draw. */
export const TIE_BREAK_WITNESSES = ['OWNER', 'SUPERVISOR'] as const;
