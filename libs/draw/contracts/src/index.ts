export { DRAW_PRODUCER, DRAW_TOPIC, DRAW_TOPICS } from './topics';
export { DrawCommittedV1, type DrawObserverV1, type DrawWeightV1 } from './draw-committed.v1.event';
export { EntropyContributedV1 } from './entropy-contributed.v1.event';
export { DrawRevealedV1 } from './draw-revealed.v1.event';
export { DrawFailedV1, DRAW_FAILURE_REASONS } from './draw-failed.v1.event';
export { RevealOverdueV1 } from './reveal-overdue.v1.event';
export { DRAW_PURPOSE_SCHEMA, TIE_BREAK_CONTEXT_SCHEMA, type DrawPurposeV1, type TieBreakContextV1 } from './draw-purpose';
export { PUBLISHED_WEIGHT_FUNCTIONS, type PublishedWeightFunction } from './weight-functions';
