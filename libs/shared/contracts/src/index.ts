export type { EventEnvelope } from './event-envelope';
export type { ValidationIssue, ValidationResult } from './validation-result';
export { describeIssues } from './validation-result';
export { jsonSchemaValidator, type Validator } from './json-schema-validator';
export { validateEnvelope } from './envelope.validator';
export { defineEvent, topicName, contractKey, type EventContract } from './event-contract';
export type { JSONSchemaType } from 'ajv';
