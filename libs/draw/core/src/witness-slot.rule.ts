import { forbidden } from '@mkt/shared/kernel';
import type { WitnessPlan } from './entropy';
import { observerSlotOf } from './witness-plan';

/** Who is asking to enter a value, as their access token says (the same shape as the platform's authenticated user). */
export interface WitnessActor {
  readonly userId: string;
  readonly role: 'ADMIN' | 'AGENCY' | 'OWNER' | 'SUPERVISOR';
  readonly organizationId: string | null;
}

/** What of a committed draw decides who may witness it. */
export interface WitnessedDraw {
  readonly ownerOrganizationId: string;
  readonly plan: WitnessPlan;
  readonly pool: readonly string[];
  readonly exclusions: readonly { readonly agencyId: string }[];
}

/**
 * Rule: the slot an actor fills. A named observer fills their own slot and no other, whatever their role — except
 * a user of an agency that is a party to the round (in the frozen pool or excluded from it), who may never
 * witness; a supervisor fills SUPERVISOR; the project's owner organisation fills OWNER; anyone else is refused.
 */
export function witnessSlotOf(actor: WitnessActor, draw: WitnessedDraw): string {
  const observerSlot = observerSlotOf(actor.userId);
  if (actor.role === 'AGENCY' && actor.organizationId !== null && isParty(actor.organizationId, draw)) {
    throw forbidden('DRAW.AGENCY_CANNOT_WITNESS', 'an agency that is a candidate in this round cannot witness its draw');
  }
  if (draw.plan.witnesses.includes(observerSlot)) return observerSlot;
  if (actor.role === 'SUPERVISOR') return 'SUPERVISOR';
  if (actor.role === 'OWNER' && actor.organizationId === draw.ownerOrganizationId) return 'OWNER';
  throw forbidden('DRAW.NOT_YOUR_DRAW', 'only the project owner, a supervisor or an observer named in the commitment witnesses this draw');
}

function isParty(agencyId: string, draw: WitnessedDraw): boolean {
  return draw.pool.includes(agencyId) || draw.exclusions.some((e) => e.agencyId === agencyId);
}
