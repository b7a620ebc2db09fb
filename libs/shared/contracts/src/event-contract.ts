import type { JSONSchemaType } from 'ajv';
import { jsonSchemaValidator, type Validator } from './json-schema-validator';

/**
 * A published, versioned integration event: its name, version, the topic it travels on, and a runtime
 * validator for its payload. Producers publish through it; consumers validate with it before handling.
 */
export interface EventContract<P> {
  readonly type: string;
  readonly version: number;
  readonly topic: string;
  readonly validate: Validator<P>;
}

export function defineEvent<P>(definition: {
  type: string;
  version: number;
  topic: string;
  schema: JSONSchemaType<P>;
}): EventContract<P> {
  if (!definition.type.startsWith(definition.topic.split('.')[0] + '.')) {
    throw new Error(`event ${definition.type} must be named after its producing service, as its topic ${definition.topic} is`);
  }
  return {
    type: definition.type,
    version: definition.version,
    topic: definition.topic,
    validate: jsonSchemaValidator(definition.schema, 'payload'),
  };
}

/** Topic naming rule: one topic per producing aggregate, `<service>.<aggregate>.v<N>`. */
export function topicName(service: string, aggregate: string, version: number): string {
  return `${service}.${aggregate}.v${version}`;
}

export function contractKey(type: string, version: number): string {
  return `${type}@${version}`;
}
