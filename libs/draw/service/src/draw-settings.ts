/** How long witnesses have to enter values before an unrevealed commitment is flagged to supervisors. */
export const REVEAL_WITHIN_MS = 24 * 60 * 60 * 1000;
/** The drand round is the one current this long after the commitment: published 27–30 s later, unknown when committing. */
export const DRAND_MARGIN_SECONDS = 30;
/** Scheduled-task kind that flags a commitment still unrevealed at its deadline. */
export const REVEAL_DEADLINE_TASK = 'draw.reveal-deadline';
/** Rules version of bidding tie-break draws: the tied agencies only, no eligibility or rotation screen. */
export const TIE_BREAK_RULES_VERSION = 'tie-break/1';
