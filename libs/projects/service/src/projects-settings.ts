/** The draw rule set every project names at publication until owners can choose among published ones. */
export const RULES_VERSION = 'rules/2026-1';
/** Who enters witness values for a draw after its commitment: the owner and a supervisor. */
export const DRAW_WITNESSES = ['OWNER', 'SUPERVISOR'] as const;

export const CLOSE_SIGN_UP_TASK = 'projects.close-sign-up';
export const END_PUBLICITY_TASK = 'projects.end-publicity';
export const RESPONSE_DEADLINE_TASK = 'projects.response-deadline';
