import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import cnpgCluster from './crds/cnpg-cluster.v1.json';
import crdMetadata from './crds/metadata.json';
import strimziKafka from './crds/strimzi-kafka.v1beta2.json';
import strimziKafkaNodePool from './crds/strimzi-kafkanodepool.v1beta2.json';
import { describe, type Manifest } from './manifests';

/** Ajv's findings as `path: message` lines. */
type SchemaCheck = (manifest: Manifest) => string[];

interface ValidatingModel {
  validate(): void;
}

/**
 * kubernetes-models' classes carry the Kubernetes OpenAPI schemas compiled by Ajv (Kubernetes 1.30-era API).
 * `validate()` throws with Ajv's errors. Like the API server's own schema, they allow fields they do not
 * know; the workload policy (workload-policy.ts) requires the fields that matter being present.
 */
function modelCheck(Model: new (data: never) => ValidatingModel): SchemaCheck {
  return (manifest) => {
    try {
      new Model(manifest as never).validate();
      return [];
    } catch (error) {
      const errors = (error as { errors?: ErrorObject[] }).errors;
      if (!errors) throw error;
      return errors.map(formatAjvError);
    }
  };
}

function ajvCheck(validate: ValidateFunction): SchemaCheck {
  return (manifest) => (validate(manifest) ? [] : (validate.errors ?? []).map(formatAjvError));
}

const crdAjv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, schemas: [crdMetadata] });

/** Every kind the manifests may use, by `apiVersion kind`. Anything else is refused, not waved through. */
const SCHEMAS: ReadonlyMap<string, SchemaCheck> = new Map([
  ['v1 ConfigMap', modelCheck(ConfigMap)],
  ['v1 Namespace', modelCheck(Namespace)],
  ['v1 PersistentVolumeClaim', modelCheck(PersistentVolumeClaim)],
  ['v1 Secret', modelCheck(Secret)],
  ['v1 Service', modelCheck(Service)],
  ['v1 ServiceAccount', modelCheck(ServiceAccount)],
  ['apps/v1 Deployment', modelCheck(Deployment)],
  ['apps/v1 StatefulSet', modelCheck(StatefulSet)],
  ['autoscaling/v2 HorizontalPodAutoscaler', modelCheck(HorizontalPodAutoscaler)],
  ['policy/v1 PodDisruptionBudget', modelCheck(PodDisruptionBudget)],
  ['networking.k8s.io/v1 NetworkPolicy', modelCheck(NetworkPolicy)],
  ['networking.k8s.io/v1 Ingress', modelCheck(Ingress)],
  ['kafka.strimzi.io/v1beta2 Kafka', ajvCheck(crdAjv.compile(strimziKafka))],
  ['kafka.strimzi.io/v1beta2 KafkaNodePool', ajvCheck(crdAjv.compile(strimziKafkaNodePool))],
  ['postgresql.cnpg.io/v1 Cluster', ajvCheck(crdAjv.compile(cnpgCluster))],
]);

/** Schema findings for one manifest, each prefixed with the object it is about. */
export function schemaProblems(manifest: Manifest): string[] {
  const key = `${String(manifest.apiVersion)} ${String(manifest.kind)}`;
  const check = SCHEMAS.get(key);
  if (!check) return [`${describe(manifest)}: no schema for ${key}; add one to tools/deploy-check/kubernetes-schemas.ts before using it`];
  return check(manifest).map((finding) => `${describe(manifest)}: ${finding}`);
}

export function formatAjvError(error: ErrorObject): string {
  const path = error.instancePath || '/';
  const detail =
    error.keyword === 'additionalProperties'
      ? ` (${(error.params as { additionalProperty: string }).additionalProperty})`
      : error.keyword === 'enum'
        ? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')})`
        : '';
  return `${path} ${error.message ?? error.keyword}${detail}`;
}
