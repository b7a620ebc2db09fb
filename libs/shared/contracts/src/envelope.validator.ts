import type { JSONSchemaType } from 'ajv';
import type { EventEnvelope } from './event-envelope';
import { jsonSchemaValidator } from './json-schema-validator';

// Typed loosely: Ajv's JSONSchemaType cannot express a required-but-nullable string.
const envelopeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'version', 'occurredAt', 'producer', 'aggregateId', 'correlationId', 'causationId', 'payload'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { type: 'string', pattern: '^[a-z][a-z0-9-]*\\.[A-Z][A-Za-z0-9]*$' },
    version: { type: 'integer', minimum: 1 },
    occurredAt: { type: 'string', format: 'date-time' },
    producer: { type: 'string', minLength: 1 },
    aggregateId: { type: 'string', minLength: 1 },
    correlationId: { type: 'string', minLength: 1 },
    causationId: { type: 'string', nullable: true, minLength: 1 },
    payload: { type: 'object' },
  },
};

/** Validates the envelope only; the payload is checked against the producer's contract for `type`@`version`. */
export const validateEnvelope = jsonSchemaValidator(envelopeSchema as unknown as JSONSchemaType<EventEnvelope<Record<string, unknown>>>);
