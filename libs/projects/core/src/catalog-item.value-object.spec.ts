import { refusalOf } from '@mkt/shared/kernel/testing';
import type { CatalogItem } from './catalog-item.value-object';
import { Project } from './project.entity';
import { DEFAULT_PROJECT_POLICY } from './project-policy';
import { aDraft, aDraftInput, aProjectInSelection, aPublishedProject, at, CATALOG_ITEMS, CLOSES_AT, DRAFTED_AT, OWNER, POSTING, postingContext } from './testing';

const EIA_REPORT = CATALOG_ITEMS[0];
const withItem = (change: Partial<CatalogItem>) => postingContext([{ ...EIA_REPORT, ...change }, ...CATALOG_ITEMS.slice(1)]);
const CREDIT_DRAW = { method: 'CREDIT_WEIGHTED_DRAW' as const, winners: 1, alternates: 1, minimumCandidates: 2, minimumCreditScore: 60, weightFunction: 'credit-linear/v1' };
const draft = (overrides: Parameters<typeof aDraftInput>[0], context = POSTING) => Project.draft(OWNER, aDraftInput(overrides), DEFAULT_PROJECT_POLICY, DRAFTED_AT, context);

describe('a posting against the catalog', () => {
  it("keeps the item's name, time limit in working days and version with the terms", () => {
    const { project, events } = draft({});
    expect(project.snapshot.terms.serviceItem).toEqual({ code: 'EIA-REPORT', nameZhCN: '环境影响报告书编制', nameEn: 'Environmental impact report', timeLimitWorkingDays: 20, minimumLevel: 3, version: 2 });
    expect(events[0]).toMatchObject({ kind: 'drafted', terms: { serviceItem: { timeLimitWorkingDays: 20 } } });
  });

  it('refuses an item the catalog does not know, and one it has retired, naming serviceItemCode', () => {
    expect(refusalOf(() => draft({ serviceItemCode: 'NO-SUCH-ITEM' }))).toBe('PROJECTS.UNKNOWN_SERVICE_ITEM@serviceItemCode');
    expect(refusalOf(() => draft({ serviceItemCode: 'EIA-OLD' }))).toBe('PROJECTS.SERVICE_ITEM_RETIRED@serviceItemCode');
  });

  it("refuses a required level weaker than the item's minimum and accepts the minimum or better", () => {
    expect(refusalOf(() => draft({ requiredLevel: 4 }))).toBe('PROJECTS.LEVEL_BELOW_ITEM_MINIMUM@requiredLevel');
    expect(draft({ requiredLevel: 3 }).project.snapshot.terms.requiredLevel).toBe(3);
    expect(draft({ requiredLevel: 1 }).project.snapshot.terms.requiredLevel).toBe(1);
    expect(refusalOf(() => draft({ serviceItemCode: 'SURVEY-MAPPING', requiredLevel: 3 }))).toBe('PROJECTS.LEVEL_BELOW_ITEM_MINIMUM@requiredLevel');
  });

  it('checks a revised draft against the item it now names', () => {
    const project = aDraft();
    expect(refusalOf(() => project.reviseDraft(OWNER, { serviceItemCode: 'EIA-OLD' }, DRAFTED_AT, POSTING))).toBe('PROJECTS.SERVICE_ITEM_RETIRED@serviceItemCode');
    project.reviseDraft(OWNER, { serviceItemCode: 'SURVEY-MAPPING', requiredLevel: 2 }, DRAFTED_AT, POSTING);
    expect(project.snapshot.terms.serviceItem).toMatchObject({ code: 'SURVEY-MAPPING', timeLimitWorkingDays: 15 });
  });

  it('refuses to publish once the item is retired, and publishes the standard the catalog states at publication', () => {
    expect(refusalOf(() => aDraft().publish(OWNER, DRAFTED_AT, withItem({ retired: true })))).toBe('PROJECTS.SERVICE_ITEM_RETIRED@serviceItemCode');
    expect(refusalOf(() => aDraft().publish(OWNER, DRAFTED_AT, postingContext([])))).toBe('PROJECTS.UNKNOWN_SERVICE_ITEM@serviceItemCode');
    expect(refusalOf(() => aDraft().publish(OWNER, DRAFTED_AT, withItem({ minimumLevel: 2 })))).toBe('PROJECTS.LEVEL_BELOW_ITEM_MINIMUM@requiredLevel');
    const project = aDraft();
    const [published] = project.publish(OWNER, DRAFTED_AT, withItem({ version: 3, timeLimitWorkingDays: 14 }));
    expect(published).toMatchObject({ kind: 'published', terms: { serviceItem: { version: 3, timeLimitWorkingDays: 14 } } });
    expect(project.snapshot.terms.serviceItem.timeLimitWorkingDays).toBe(14);
  });

  it('amends other terms under the standard the rules were published with, even after the item changed or was retired', () => {
    const project = aPublishedProject();
    const later = at('2024-03-02T09:00:00+08:00');
    const signUp = { mode: 'WINDOW' as const, opensAt: '2024-03-01T09:00:00+08:00', closesAt: '2024-03-09T09:00:00+08:00' };
    project.amend(OWNER, { reason: '补充说明', changes: { description: '补充说明', signUp } }, later, withItem({ retired: true, version: 9, timeLimitWorkingDays: 5 }));
    expect(project.snapshot.terms.serviceItem).toMatchObject({ version: 2, timeLimitWorkingDays: 20 });
    expect(refusalOf(() => project.amend(OWNER, { reason: '换事项', changes: { serviceItemCode: 'EIA-OLD' } }, later, POSTING))).toBe('PROJECTS.SERVICE_ITEM_RETIRED@serviceItemCode');
  });

  it('refuses to repost a failed round for a retired item', () => {
    const failed = aProjectInSelection(['a-1']);
    const newWindow = { mode: 'WINDOW' as const, opensAt: CLOSES_AT, closesAt: '2024-03-10T09:00:00+08:00' };
    expect(refusalOf(() => failed.repost(OWNER, { changes: { signUp: newWindow } }, at(CLOSES_AT), withItem({ retired: true })))).toBe('PROJECTS.SERVICE_ITEM_RETIRED@serviceItemCode');
    expect(failed.snapshot.status).toBe('FAILED');
  });
});

describe('a credit-weighted draw', () => {
  it('names a weight function the draw service publishes', () => {
    expect(draft({ selection: CREDIT_DRAW }).project.snapshot.terms.selection).toMatchObject({ weightFunction: 'credit-linear/v1' });
    expect(refusalOf(() => draft({ selection: { ...CREDIT_DRAW, weightFunction: 'credit-cubed/v7' } }))).toBe('PROJECTS.UNKNOWN_WEIGHT_FUNCTION@selection.weightFunction');
    expect(refusalOf(() => draft({ selection: CREDIT_DRAW }, postingContext(CATALOG_ITEMS, [])))).toBe('PROJECTS.UNKNOWN_WEIGHT_FUNCTION@selection.weightFunction');
  });

  it('leaves the other methods alone', () => {
    expect(draft({}, postingContext(CATALOG_ITEMS, [])).project.snapshot.terms.selection.method).toBe('RANDOM_DRAW');
  });
});
