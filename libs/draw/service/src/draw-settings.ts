/** How long witnesses have to enter values before an unrevealed commitment is flagged to supervisors. */
export const REVEAL_WITHIN_MS = 24 * 60 * 60 * 1000;
/** The drand round is the one current this long after the commitment: published 27–30 s later, unknown when committing. */
export const DRAND_MARGIN_SECONDS = 30;
/** Scheduled-task kind that flags a commitment still unrevealed at its deadline. */
export const REVEAL_DEADLINE_TASK = 'draw.reveal-deadline';
/** Rules version of bidding tie-break draws: the tied agencies only, no eligibility or rotation screen. */
export const TIE_BREAK_RULES_VERSION = 'tie-break/1';
/** Scheduled-task kind that fetches a drand draw's beacon from the configured relays, and retries until the reveal deadline. */
export const DRAND_FETCH_TASK = 'draw.drand-fetch';
/** The first fetch waits this long after the round's publication time: relays need a moment to have it. */
export const DRAND_FETCH_GRACE_MS = 1000;
/** Retries back off from this delay, doubling, up to DRAND_RETRY_MAX_MS. */
export const DRAND_RETRY_FIRST_MS = 2000;
export const DRAND_RETRY_MAX_MS = 60_000;
