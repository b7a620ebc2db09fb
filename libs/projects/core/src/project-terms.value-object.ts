import { invalid } from '@mkt/shared/kernel';
import type { PostingContext, ServiceItemStandard } from './catalog-item.value-object';
import { parseConflictList, type ConflictOfInterest, type ConflictOfInterestInput } from './conflict-list.value-object';
import { positiveFen } from './money.value-object';
import type { ProjectPolicy } from './project-policy';
import { bidDeadlineMustFollowSignUp } from './rules/bid-deadline-must-follow-sign-up.rule';
import { directSelectionMustBeUnderThreshold } from './rules/direct-selection-must-be-under-threshold.rule';
import { requiredLevelMustMeetItemMinimum, serviceItemMustBeOffered } from './rules/service-item-must-be-offered.rule';
import { weightFunctionMustBePublished } from './rules/weight-function-must-be-published.rule';
import { entropySourceOf, parseSelectionRule, type SelectionRule, type SelectionRuleInput } from './selection-rule.value-object';
import { parseSignUpRule, type SignUpRule, type SignUpRuleInput } from './sign-up.value-object';
import { requiredText, wholeNumberIn } from './text';

/** What a project announces: the service wanted, its budget, and the rules of selection. */
export interface ProjectTerms {
  readonly title: string;
  /** Code of the service item in the registry's catalog. */
  readonly serviceItemCode: string;
  /** The item's name, time limit (working days) and minimum level from the catalog, kept with the terms. */
  readonly serviceItem: ServiceItemStandard;
  readonly description: string;
  /** Budget cap in fen (0.01 yuan); no quote or contract may exceed it. */
  readonly budgetCapFen: number;
  /** Lowest acceptable qualification grade: 1 is the highest, 9 the lowest. */
  readonly requiredLevel: number;
  /** Administrative division code of the project's location. */
  readonly region: string;
  /** Calendar days the agency has to deliver, counted from the contract's start date. */
  readonly servicePeriodDays: number;
  readonly selection: SelectionRule;
  readonly signUp: SignUpRule;
  readonly conflicts: readonly ConflictOfInterest[];
}

export interface ProjectTermsInput {
  title: string;
  serviceItemCode: string;
  description: string;
  budgetCapFen: number;
  requiredLevel: number;
  region: string;
  servicePeriodDays: number;
  selection: SelectionRuleInput;
  signUp: SignUpRuleInput;
  conflicts?: readonly ConflictOfInterestInput[];
}

export const TERM_FIELDS = [
  'title',
  'serviceItemCode',
  'description',
  'budgetCapFen',
  'requiredLevel',
  'region',
  'servicePeriodDays',
  'selection',
  'signUp',
  'conflicts',
] as const satisfies readonly (keyof ProjectTerms)[];

export type TermField = (typeof TERM_FIELDS)[number];

/**
 * Validates every field and the rules between fields, and checks the posting against the catalog and the published
 * weight functions; time-relative checks (against `now`) are the aggregate's.
 */
export function parseProjectTerms(input: ProjectTermsInput, policy: ProjectPolicy, context: PostingContext): ProjectTerms {
  return parseTerms(input, policy, context, null);
}

function parseTerms(input: ProjectTermsInput, policy: ProjectPolicy, context: PostingContext, keptItem: ServiceItemStandard | null): ProjectTerms {
  if (!input || typeof input !== 'object') throw invalid('PROJECTS.INVALID_TERMS', 'project terms are required', null);
  const serviceItemCode = requiredText(input.serviceItemCode, 'serviceItemCode', 64);
  const requiredLevel = wholeNumberIn(input.requiredLevel, 1, 9, 'requiredLevel', 'PROJECTS.INVALID_LEVEL');
  const serviceItem = keptItem ?? serviceItemMustBeOffered(serviceItemCode, context.catalogItem(serviceItemCode));
  const terms: ProjectTerms = {
    title: requiredText(input.title, 'title', 200),
    serviceItemCode,
    serviceItem,
    description: requiredText(input.description, 'description', 10_000),
    budgetCapFen: positiveFen(input.budgetCapFen, 'budgetCapFen'),
    requiredLevel,
    region: requiredText(input.region, 'region', 64),
    servicePeriodDays: wholeNumberIn(input.servicePeriodDays, 1, 3650, 'servicePeriodDays'),
    selection: parseSelectionRule(input.selection),
    signUp: parseSignUpRule(input.signUp),
    conflicts: parseConflictList(input.conflicts),
  };
  requiredLevelMustMeetItemMinimum(terms.requiredLevel, serviceItem);
  weightFunctionMustBePublished(terms.selection, context.weightFunctions);
  directSelectionMustBeUnderThreshold(terms.selection, terms.budgetCapFen, policy.directSelectionBelowFen);
  bidDeadlineMustFollowSignUp(terms.selection, terms.signUp);
  return terms;
}

/**
 * How a change treats the service item when its code stays the same: `RECHECK` takes the catalog's current standard
 * (a draft or a new round must be on an item still offered); `KEEP` keeps the standard the published rules named,
 * so an amendment of other terms is not refused because the catalog moved on.
 */
export type UnchangedItem = 'RECHECK' | 'KEEP';

/** Validated terms are valid input too: a change is applied by merging and parsing again. */
export function mergeTerms(current: ProjectTerms, changes: Partial<ProjectTermsInput>, policy: ProjectPolicy, context: PostingContext, unchangedItem: UnchangedItem): ProjectTerms {
  if (!changes || typeof changes !== 'object') throw invalid('PROJECTS.INVALID_TERMS', 'changes must be an object of project terms', 'changes');
  const unknown = Object.keys(changes).find((key) => !(TERM_FIELDS as readonly string[]).includes(key));
  if (unknown) throw invalid('PROJECTS.UNKNOWN_FIELD', `${unknown} is not a project term`, unknown);
  const itemKept = unchangedItem === 'KEEP' && (changes.serviceItemCode === undefined || changes.serviceItemCode === current.serviceItemCode) && current.serviceItem;
  // The kept standard is not input: parseTerms reads only the input fields it names.
  return parseTerms({ ...(current as unknown as ProjectTermsInput), ...changes }, policy, context, itemKept ? current.serviceItem : null);
}

// Terms are built field by field in a fixed order, so JSON text compares them faithfully.
export function changedTermFields(before: ProjectTerms, after: ProjectTerms): TermField[] {
  return TERM_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/**
 * The terms an announcement states. The conflict list (回避) is the owner's private declaration: it is never
 * announced, and nothing published may say that it changed.
 */
export const ANNOUNCED_TERM_FIELDS = TERM_FIELDS.filter((field) => field !== 'conflicts') as readonly Exclude<TermField, 'conflicts'>[];

/** A single value of the announced terms; null where one side of a change has no such value. */
export type TermValue = string | number | boolean | null;

/**
 * One announced value an amendment changed. `term` is its path in the terms: `budgetCapFen`, `signUp.closesAt`,
 * `selection.evaluation.rule`, `selection.observers[0].label`.
 */
export interface TermChange {
  readonly term: string;
  readonly before: TermValue;
  readonly after: TermValue;
}

/**
 * Every announced value that differs between two versions of the terms, leaf by leaf, in the order of
 * `ANNOUNCED_TERM_FIELDS`. A value only one side has (another method's parameters, a window's dates) reads as null
 * on the other. A draw states its entropy source even where the rule leaves the default implicit, so a switch from
 * witnesses to drand reads as such.
 */
export function announcedTermChanges(before: ProjectTerms, after: ProjectTerms): TermChange[] {
  const changes: TermChange[] = [];
  for (const field of ANNOUNCED_TERM_FIELDS) {
    const was = leavesOf(announcedValue(before, field), field);
    const is = leavesOf(announcedValue(after, field), field);
    for (const term of new Set([...was.keys(), ...is.keys()])) {
      const b = was.get(term) ?? null;
      const a = is.get(term) ?? null;
      if (b !== a) changes.push({ term, before: b, after: a });
    }
  }
  return changes;
}

function announcedValue(terms: ProjectTerms, field: Exclude<TermField, 'conflicts'>): unknown {
  if (field !== 'selection') return terms[field];
  const source = entropySourceOf(terms.selection);
  return source ? { ...terms.selection, entropySource: source } : terms.selection;
}

function leavesOf(value: unknown, path: string, into = new Map<string, TermValue>()): Map<string, TermValue> {
  if (value === undefined) return into;
  if (value === null || typeof value !== 'object') into.set(path, value as TermValue);
  else if (Array.isArray(value)) value.forEach((item, i) => leavesOf(item, `${path}[${i}]`, into));
  else for (const [key, item] of Object.entries(value)) leavesOf(item, `${path}.${key}`, into);
  return into;
}
