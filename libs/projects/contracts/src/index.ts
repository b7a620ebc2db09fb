export { PROJECTS_PRODUCER, PROJECT_TOPIC, PROJECTS_TOPICS } from './topics';
export { SelectionRequestedV1, SELECTION_METHODS, WITNESS_ROLES, type SelectionMethodName } from './selection-requested.v1.event';
