/**
 * Identifiers of the credit weight functions the draw service applies in a credit-weighted draw (信用择优). A
 * project may name only one of these; the projects service refuses any other when the project is drafted.
 * libs/draw/core/src/credit-weights.ts must list the same ids (checked by its published-weight-functions spec).
 */
export const PUBLISHED_WEIGHT_FUNCTIONS = ['credit-linear/v1'] as const;

export type PublishedWeightFunction = (typeof PUBLISHED_WEIGHT_FUNCTIONS)[number];
