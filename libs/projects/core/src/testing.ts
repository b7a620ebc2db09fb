// Builders for tests of this library and of the projects service: a project walked to a given status through the
// aggregate's own methods, so that fixtures can never hold a state the rules would not produce.
import type { Actor } from './actor';
import type { CatalogItem, PostingContext } from './catalog-item.value-object';
import { Project, type DraftInput } from './project.entity';
import { DEFAULT_PROJECT_POLICY, type ProjectPolicy } from './project-policy';

export const OWNER: Actor = { userId: 'u-owner', role: 'OWNER', organizationId: 'owner-1' };
export const OTHER_OWNER: Actor = { userId: 'u-other', role: 'OWNER', organizationId: 'owner-2' };
export const SUPERVISOR: Actor = { userId: 'u-supervisor', role: 'SUPERVISOR', organizationId: null };
export const agency = (id: string): Actor => ({ userId: `u-${id}`, role: 'AGENCY', organizationId: id });

/** The catalog the builders post against: EIA-REPORT (minimum level 3), SURVEY-MAPPING (2), and a retired item. */
export const CATALOG_ITEMS: readonly CatalogItem[] = [
  { code: 'EIA-REPORT', nameZhCN: '环境影响报告书编制', nameEn: 'Environmental impact report', timeLimitWorkingDays: 20, minimumLevel: 3, version: 2, retired: false },
  { code: 'SURVEY-MAPPING', nameZhCN: '测绘', nameEn: 'Surveying and mapping', timeLimitWorkingDays: 15, minimumLevel: 2, version: 1, retired: false },
  { code: 'EIA-OLD', nameZhCN: '旧环评事项', nameEn: 'Former EIA item', timeLimitWorkingDays: 30, minimumLevel: 3, version: 4, retired: true },
];

export function postingContext(items: readonly CatalogItem[] = CATALOG_ITEMS, weightFunctions: readonly string[] = ['credit-linear/v1']): PostingContext {
  return { catalogItem: (code) => items.find((item) => item.code === code) ?? null, weightFunctions };
}

/** The context every builder and most specs use. */
export const POSTING = postingContext();

/** `at('2024-03-06T09:00+08:00')`: readable instants in China Standard Time. */
export const at = (iso: string): Date => new Date(iso);

export const DRAFTED_AT = at('2024-03-01T08:00:00+08:00');
export const OPENS_AT = '2024-03-01T09:00:00+08:00';
export const CLOSES_AT = '2024-03-06T09:00:00+08:00';

/** A random-draw project (k = 1, m = 2, at least 3 candidates) with a sign-up window and one declared conflict. */
export function aDraftInput(overrides: Partial<DraftInput> = {}): DraftInput {
  return {
    id: 'p-1',
    title: '城东道路改造工程环境影响评价',
    serviceItemCode: 'EIA-REPORT',
    description: '编制环境影响报告表并通过审批',
    budgetCapFen: 300_000_00,
    requiredLevel: 3,
    region: '330100',
    servicePeriodDays: 30,
    selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 2, minimumCandidates: 3 },
    signUp: { mode: 'WINDOW', opensAt: OPENS_AT, closesAt: CLOSES_AT },
    conflicts: [{ agencyId: 'a-related', reason: '与业主存在股权关联' }],
    ...overrides,
  };
}

export function aDraft(overrides: Partial<DraftInput> = {}, policy: ProjectPolicy = DEFAULT_PROJECT_POLICY): Project {
  return Project.draft(OWNER, aDraftInput(overrides), policy, DRAFTED_AT, POSTING).project;
}

export function aPublishedProject(overrides: Partial<DraftInput> = {}, policy: ProjectPolicy = DEFAULT_PROJECT_POLICY): Project {
  const project = aDraft(overrides, policy);
  project.publish(OWNER, DRAFTED_AT, POSTING);
  return project;
}

/** Published, with `agencies` signed up during the window and the window closed: SELECTING (or FAILED if too few). */
export function aProjectInSelection(agencies: readonly string[] = ['a-1', 'a-2', 'a-3', 'a-4'], overrides: Partial<DraftInput> = {}): Project {
  const project = aPublishedProject(overrides);
  agencies.forEach((id) => project.signUp(agency(id), at('2024-03-02T10:00:00+08:00')));
  project.closeSignUp(at(CLOSES_AT));
  return project;
}

export const RESULT_AT = at('2024-03-07T10:00:00+08:00');
/** Publicity of three days from `RESULT_AT`. */
export const PUBLICITY_ENDS_AT = at('2024-03-10T10:00:00+08:00');

/** A draw picked a-2 as winner and a-4, a-1 as alternates; publicity runs. */
export function aProjectInPublicity(): Project {
  const project = aProjectInSelection();
  project.recordSelectionResult({ method: 'RANDOM_DRAW', round: 1, drawId: 'd-1', poolSize: 4, winners: ['a-2'], alternates: ['a-4', 'a-1'] }, RESULT_AT);
  return project;
}

/** Awarded to a-2 at the end of publicity; the response is due 48 hours later. */
export function anAwardedProject(): Project {
  const project = aProjectInPublicity();
  project.endPublicity(PUBLICITY_ENDS_AT);
  return project;
}
