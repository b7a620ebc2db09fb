import { projectIdOf, records, text, type LoggedEvent } from '../records/logged-event';
import type { CollusionTest } from './collusion-test';
import { binomialUpperTail } from './tail-probabilities';

/** Fixed in advance: an agency is tested once it has been awarded at least this many times. */
export const DECLINES_MIN_AWARDS = 3;

/**
 * Agencies that decline (or let lapse) their awards more often than the rest: D declines of A awards against
 * Binomial(A, p₀), p₀ the decline rate of every other agency (with half a decline added to both counts, so a
 * platform where nobody else ever declined does not make one decline infinitely surprising). Bid rotation hands
 * work on by declining; the evidence names who was awarded each project next.
 */
export function repeatedDeclines(events: readonly LoggedEvent[]): CollusionTest[] {
  const awards = new Map<string, Set<string>>();
  const declines = new Map<string, { projectId: string; round: number }[]>();
  const awardedAfter = new Map<string, string[]>();
  const pendingDecline = new Map<string, string>();
  for (const event of events) {
    const projectId = projectIdOf(event) ?? '';
    const round = Number(event.payload['round'] ?? 1);
    if (event.type === 'projects.ProjectAwarded') {
      for (const winner of records(event.payload, 'winners')) {
        const agencyId = winner['agencyId'];
        if (typeof agencyId !== 'string') continue;
        awards.set(agencyId, (awards.get(agencyId) ?? new Set()).add(`${projectId}#${round}`));
        const decliner = pendingDecline.get(projectId);
        if (decliner !== undefined && decliner !== agencyId) awardedAfter.set(decliner, [...(awardedAfter.get(decliner) ?? []), agencyId]);
      }
      pendingDecline.delete(projectId);
    }
    if (event.type === 'projects.AwardDeclined') {
      const agencyId = text(event.payload, 'agencyId');
      if (agencyId === null) continue;
      declines.set(agencyId, [...(declines.get(agencyId) ?? []), { projectId, round }]);
      pendingDecline.set(projectId, agencyId);
    }
  }
  const totalAwards = [...awards.values()].reduce((s, a) => s + a.size, 0);
  const totalDeclines = [...declines.values()].reduce((s, d) => s + d.length, 0);
  const tests: CollusionTest[] = [];
  for (const [agencyId, awarded] of [...awards].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const a = awarded.size;
    if (a < DECLINES_MIN_AWARDS) continue;
    const d = Math.min(a, declines.get(agencyId)?.length ?? 0);
    const baseline = (totalDeclines - d + 0.5) / (totalAwards - a + 1);
    const nextAwarded: Record<string, number> = {};
    for (const next of awardedAfter.get(agencyId) ?? []) nextAwarded[next] = (nextAwarded[next] ?? 0) + 1;
    tests.push({
      name: 'repeated-declines',
      agencyIds: [agencyId],
      biddingId: null,
      statistic: d,
      pValue: binomialUpperTail(d, a, Math.min(baseline, 1)),
      evidence: { awards: a, declines: d, platformDeclineRate: baseline, declined: declines.get(agencyId) ?? [], nextAwarded },
    });
  }
  return tests;
}
