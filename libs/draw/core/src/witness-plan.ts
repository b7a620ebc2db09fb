import { invalid } from '@mkt/shared/kernel';
import type { DrawObserver, WitnessPlan } from './entropy';

/** A named observer's witness slot is this prefix and their account id, e.g. `OBSERVER:6f1c…`. */
export const OBSERVER_SLOT_PREFIX = 'OBSERVER:';
/** Enough for a notary and a few invited guests; every slot is one more person who can stall the reveal. */
export const MAX_OBSERVERS = 5;
export const MAX_OBSERVER_LABEL_LENGTH = 60;
const MAX_USER_ID_LENGTH = 100;
// Control characters and line breaks have no place in a name printed on a public record.
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/u;

export function observerSlotOf(userId: string): string {
  return `${OBSERVER_SLOT_PREFIX}${userId}`;
}

export function isObserverSlot(witness: string): boolean {
  return witness.startsWith(OBSERVER_SLOT_PREFIX);
}

/**
 * Rule: observers are at most MAX_OBSERVERS, each named once by an account id (no spaces) with a printable label
 * of 1 to 60 characters, already trimmed. Returns the first problem and the field it concerns, or null.
 */
export function observerListProblem(observers: readonly DrawObserver[]): { readonly message: string; readonly field: string } | null {
  if (!Array.isArray(observers)) return { message: 'observers are a list', field: 'observers' };
  if (observers.length > MAX_OBSERVERS) return { message: `a draw names at most ${MAX_OBSERVERS} observers`, field: 'observers' };
  const seen = new Set<string>();
  for (const [i, observer] of observers.entries()) {
    const userId = observer?.userId;
    const label = observer?.label;
    if (typeof userId !== 'string' || userId.length === 0 || userId.length > MAX_USER_ID_LENGTH || /\s/u.test(userId) || CONTROL.test(userId)) {
      return { message: `an observer is named by an account id of 1 to ${MAX_USER_ID_LENGTH} characters without spaces`, field: `observers[${i}].userId` };
    }
    if (seen.has(userId)) return { message: `observer ${userId} is named twice`, field: `observers[${i}].userId` };
    seen.add(userId);
    if (typeof label !== 'string' || label !== label.trim() || label.length === 0 || label.length > MAX_OBSERVER_LABEL_LENGTH || CONTROL.test(label)) {
      return { message: `an observer's label is 1 to ${MAX_OBSERVER_LABEL_LENGTH} printable characters without surrounding spaces`, field: `observers[${i}].label` };
    }
  }
  return null;
}

/**
 * The witness plan a commitment publishes: the roles, then one slot per observer in the order they were named,
 * with the observers' labels beside. A list that breaks the limits is refused, never trimmed to fit.
 */
export function planWitnesses(roles: readonly string[], observers: readonly DrawObserver[] = []): WitnessPlan {
  const problem = observerListProblem(observers);
  if (problem) throw invalid('DRAW.INVALID_OBSERVERS', problem.message, problem.field);
  if (roles.some(isObserverSlot)) throw invalid('DRAW.INVALID_OBSERVERS', 'observer slots come from the observers list, not the roles', 'witnesses');
  if (observers.length === 0) return { source: 'witnesses', witnesses: [...roles] };
  return {
    source: 'witnesses',
    witnesses: [...roles, ...observers.map((o) => observerSlotOf(o.userId))],
    observers: observers.map(({ userId, label }) => ({ userId, label })),
  };
}

/**
 * For the verifier: every slot is named once, and the observer slots are exactly the observers the commitment
 * lists, in order, each within the rules — so a record cannot claim an observer it never named, or hide one.
 */
export function witnessPlanProblem(plan: WitnessPlan): string | null {
  if (new Set(plan.witnesses).size !== plan.witnesses.length) return 'a witness slot is named twice in the commitment';
  const observers = plan.observers ?? [];
  const problem = observerListProblem(observers);
  if (problem) return `the commitment's observers break the rules (${problem.field}): ${problem.message}`;
  const slots = plan.witnesses.filter(isObserverSlot);
  const named = observers.map((o) => observerSlotOf(o.userId));
  if (slots.length !== named.length || slots.some((slot, i) => slot !== named[i])) return 'the observer slots are not the observers named in the commitment';
  return null;
}
