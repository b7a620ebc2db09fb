export { PROJECTS_PRODUCER, PROJECT_TOPIC, PROJECTS_TOPICS } from './topics';
export { SelectionRequestedV1, SELECTION_METHODS, WITNESS_ROLES, type SelectionMethodName } from './selection-requested.v1.event';
export { ProjectPublishedV1 } from './project-published.v1.event';
export { SelectionRecordedV1 } from './selection-recorded.v1.event';
export { RoundFailedV1 } from './round-failed.v1.event';
export { ProjectAwardedV1 } from './project-awarded.v1.event';
export { AwardDeclinedV1 } from './award-declined.v1.event';
export { AgencyEvaluatedV1 } from './agency-evaluated.v1.event';
