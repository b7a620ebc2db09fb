import Ajv, { type ErrorObject, type JSONSchemaType } from 'ajv';
import type { ValidationIssue, ValidationResult } from './validation-result';

// One Ajv instance for every contract; `strict` rejects schema typos at startup instead of accepting anything.
const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addFormat('date-time', {
  type: 'string',
  validate: (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
});
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);

export type Validator<T> = (value: unknown) => ValidationResult<T>;

export function jsonSchemaValidator<T>(schema: JSONSchemaType<T>, prefix = ''): Validator<T> {
  const check = ajv.compile<T>(schema);
  return (value: unknown) =>
    check(value) ? { ok: true, value } : { ok: false, issues: (check.errors ?? []).map((e) => toIssue(e, prefix)) };
}

function toIssue(error: ErrorObject, prefix: string): ValidationIssue {
  const path = error.instancePath.replace(/^\//, '');
  const missing = error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : '';
  const field = [prefix, path, missing].filter(Boolean).join('/');
  return { field, message: error.message ?? error.keyword };
}
