/**
 * Published rotation rule sets, by the `rulesVersion` a project names at publication. They live in code so
 * that every verifier sees the same rules; a change is a new version, never an edit of an old one.
 */
export interface RotationRuleSet {
  readonly version: string;
  /** An agency that won a draw for the same owner within this many days sits this draw out (0: no limit). */
  readonly sameOwnerCooldownDays: number;
  /** An agency with this many contracts signed but not yet completed sits draws out until one finishes (0: no limit). */
  readonly maxUnfinishedContracts: number;
}

export const ROTATION_RULE_SETS: Readonly<Record<string, RotationRuleSet>> = {
  'rules/2026-1': { version: 'rules/2026-1', sameOwnerCooldownDays: 90, maxUnfinishedContracts: 3 },
  'rules/none': { version: 'rules/none', sameOwnerCooldownDays: 0, maxUnfinishedContracts: 0 },
};

export interface PastWin {
  readonly agencyId: string;
  readonly ownerOrganizationId: string;
  readonly wonAt: string;
}

const DAY_MS = 86_400_000;

/** Rule: no win for the same owner within the cooldown — keeps one owner's work from pooling at one firm. */
export function agencyMustNotHaveWonRecentlyForSameOwner(
  pool: readonly string[],
  rules: RotationRuleSet,
  history: readonly PastWin[],
  ownerOrganizationId: string,
  now: Date,
): { readonly pool: readonly string[]; readonly exclusions: readonly { readonly agencyId: string; readonly reason: 'RECENT_WIN_FOR_SAME_OWNER' }[] } {
  if (rules.sameOwnerCooldownDays <= 0) return { pool, exclusions: [] };
  const since = now.getTime() - rules.sameOwnerCooldownDays * DAY_MS;
  const recent = new Set(history.filter((w) => w.ownerOrganizationId === ownerOrganizationId && Date.parse(w.wonAt) > since).map((w) => w.agencyId));
  return {
    pool: pool.filter((id) => !recent.has(id)),
    exclusions: pool.filter((id) => recent.has(id)).map((agencyId) => ({ agencyId, reason: 'RECENT_WIN_FOR_SAME_OWNER' as const })),
  };
}

/** Rule: an agency still carrying `maxUnfinishedContracts` unfinished contracts takes no new one by draw. */
export function agencyMustHaveFewerUnfinishedContracts(
  pool: readonly string[],
  rules: RotationRuleSet,
  unfinished: ReadonlyMap<string, number>,
): { readonly pool: readonly string[]; readonly exclusions: readonly { readonly agencyId: string; readonly reason: 'TOO_MANY_UNFINISHED_CONTRACTS' }[] } {
  if (rules.maxUnfinishedContracts <= 0) return { pool, exclusions: [] };
  const busy = (id: string) => (unfinished.get(id) ?? 0) >= rules.maxUnfinishedContracts;
  return {
    pool: pool.filter((id) => !busy(id)),
    exclusions: pool.filter(busy).map((agencyId) => ({ agencyId, reason: 'TOO_MANY_UNFINISHED_CONTRACTS' as const })),
  };
}
