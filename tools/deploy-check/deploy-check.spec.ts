import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeProblems } from './compose';
import { checkComposeFile, checkDockerfile, checkKustomization, checkRepository } from './deploy-checks';
import { dockerfileProblems, parseInstructions } from './dockerfile';
import { isPinnedImage } from './image-reference';
import { kustomizeBuild } from './kustomize';
import { schemaProblems } from './kubernetes-schemas';
import { parseManifests, type Manifest } from './manifests';
import { workloadPolicyProblems } from './workload-policy';

const root = join(__dirname, '../..');
const fixture = (name: string) => join(__dirname, 'fixtures', name);
const messages = (result: { problems: readonly { message: string }[] }) => result.problems.map((p) => p.message);

function built(dir: string): any[] {
  return parseManifests(kustomizeBuild(join(root, dir)), dir) as any[];
}
const find = (manifests: any[], kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name);

describe('the repository deploy files', () => {
  it('pass every check: base and overlays built and valid, compose file valid, Dockerfiles clean', () => {
    const results = checkRepository(root);
    expect(results.map((r) => r.target)).toEqual(
      expect.arrayContaining(['k8s/base', 'k8s/overlays/dev', 'k8s/overlays/prod', 'docker/compose.yaml', 'docker/service.Dockerfile', 'docker/gateway.Dockerfile']),
    );
    expect(results.flatMap((r) => r.problems)).toEqual([]);
  });
});

describe('checkKustomization', () => {
  it('fails a Deployment without readiness and liveness probes', () => {
    const result = checkKustomization(fixture('k8s-missing-probes'), { requirePinnedImages: false }, root);
    expect(messages(result)).toEqual([
      'Deployment registry: container app has no readinessProbe',
      'Deployment registry: container app has no livenessProbe',
    ]);
  });

  it('fails a field of the wrong type against the Kubernetes schema', () => {
    const result = checkKustomization(fixture('k8s-wrong-field-type'), { requirePinnedImages: false }, root);
    expect(messages(result)).toEqual(['Deployment projects: /spec/replicas must be integer']);
  });

  it('fails when kustomize cannot build the kustomization', () => {
    const result = checkKustomization(fixture('k8s-broken-kustomization'), { requirePinnedImages: false }, root);
    expect(result.summary).toBe('kustomize build failed');
    expect(messages(result)[0]).toMatch(/missing-service\.yaml/);
  });
});

describe('schemaProblems', () => {
  it('refuses a kind it has no schema for rather than passing it unchecked', () => {
    const job: Manifest = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate' } };
    expect(schemaProblems(job)).toEqual([expect.stringMatching(/^Job migrate: no schema for batch\/v1 Job/)]);
  });

  it('checks the operators’ resources: a misspelt CloudNativePG field and a Strimzi listener type', () => {
    const prod = built('k8s/overlays/prod');
    const cluster = find(prod, 'Cluster', 'mkt-audit-db');
    cluster.spec.instance = cluster.spec.instances;
    delete cluster.spec.instances;
    expect(schemaProblems(cluster)).toEqual([
      "Cluster mkt/mkt-audit-db: /spec must have required property 'instances'",
      'Cluster mkt/mkt-audit-db: /spec must NOT have additional properties (instance)',
    ]);
    const kafka = find(prod, 'Kafka', 'mkt-kafka');
    kafka.spec.kafka.listeners[0].type = 'public';
    expect(schemaProblems(kafka)).toEqual([expect.stringContaining('/spec/kafka/listeners/0/type must be equal to one of the allowed values')]);
  });

  it('requires a node pool to name its Kafka cluster', () => {
    const pool = find(built('k8s/overlays/prod'), 'KafkaNodePool', 'brokers');
    delete pool.metadata.labels['strimzi.io/cluster'];
    expect(schemaProblems(pool).join('\n')).toMatch(/must have required property 'strimzi.io\/cluster'/);
  });
});

describe('workloadPolicyProblems', () => {
  const base = () => built('k8s/base');

  it('fails a container that may run as root with a writable root filesystem', () => {
    const manifests = base();
    const container = find(manifests, 'Deployment', 'audit').spec.template.spec.containers[0];
    delete find(manifests, 'Deployment', 'audit').spec.template.spec.securityContext.runAsNonRoot;
    delete container.securityContext.runAsNonRoot;
    container.securityContext.readOnlyRootFilesystem = false;
    expect(workloadPolicyProblems(manifests, { requirePinnedImages: false })).toEqual([
      'Deployment audit: container app may run as root: set runAsNonRoot',
      'Deployment audit: container app has a writable root filesystem',
    ]);
  });

  it('fails probes off the /health endpoint, missing limits, and capabilities kept', () => {
    const manifests = base();
    const container = find(manifests, 'Deployment', 'draw').spec.template.spec.containers[0];
    container.livenessProbe = { tcpSocket: { port: 'http' } };
    delete container.resources.limits.memory;
    container.securityContext.capabilities = { drop: ['NET_RAW'] };
    expect(workloadPolicyProblems(manifests, { requirePinnedImages: false })).toEqual([
      'Deployment draw: container app keeps Linux capabilities: drop ALL',
      'Deployment draw: container app livenessProbe does not check the /health endpoint',
      'Deployment draw: container app sets no memory limit',
    ]);
  });

  it('fails a Deployment without an autoscaler or a disruption budget', () => {
    const manifests = base().filter((m) => !(['HorizontalPodAutoscaler', 'PodDisruptionBudget'].includes(m.kind) && m.metadata.name === 'bidding'));
    expect(workloadPolicyProblems(manifests, { requirePinnedImages: false })).toEqual([
      'Deployment bidding: no HorizontalPodAutoscaler scales it',
      'Deployment bidding: no PodDisruptionBudget selects its pods',
    ]);
  });

  it('fails without a default-deny NetworkPolicy', () => {
    const manifests = base().filter((m) => !(m.kind === 'NetworkPolicy' && m.metadata.name === 'default-deny'));
    expect(workloadPolicyProblems(manifests, { requirePinnedImages: false })).toEqual([expect.stringMatching(/^no default-deny NetworkPolicy/)]);
  });

  it('fails anything but the gateway exposed: a NodePort Service, an Ingress to a backend service', () => {
    const manifests = built('k8s/overlays/dev');
    find(manifests, 'Service', 'registry').spec.type = 'NodePort';
    find(manifests, 'Ingress', 'gateway').spec.rules[0].http.paths[0].backend.service.name = 'audit';
    expect(workloadPolicyProblems(manifests, { requirePinnedImages: true })).toEqual([
      expect.stringMatching(/^Service mkt-dev\/registry: type NodePort exposes it/),
      'Ingress mkt-dev/gateway: routes to audit; only the gateway is exposed',
    ]);
  });

  it('requires overlays to deploy pinned images, and lets the base name bare ones', () => {
    const manifests = base();
    expect(workloadPolicyProblems(manifests, { requirePinnedImages: false })).toEqual([]);
    expect(workloadPolicyProblems(manifests, { requirePinnedImages: true })).toHaveLength(7);
  });
});

describe('composeProblems', () => {
  const compose = readFileSync(join(root, 'docker/compose.yaml'), 'utf8');

  it('fails a compose file with a key the compose-spec does not have', () => {
    const result = checkComposeFile(fixture('compose-invalid-key.yaml'), root);
    expect(messages(result)).toEqual(['/services/web must NOT have additional properties (restart_policy)']);
  });

  it('fails a wrong value type after resolving the YAML merge keys', () => {
    expect(composeProblems(compose.replace('retries: 10', 'retries: often'))).toEqual(['/services/postgres/healthcheck/retries must be number']);
    expect(composeProblems(compose.replace('interval: 10s', 'interval: ten seconds'))).toContain('/services/identity/healthcheck/interval must match format "duration"');
  });

  it('fails a start order not gated on health, and a service without a health check', () => {
    const unhealthy = compose.replace(/(registry:\n\s+condition: )service_healthy/, '$1service_started').replace(/(\n  kafka:\n[\s\S]*?\n)    healthcheck:\n(      .*\n)+/, '$1');
    expect(composeProblems(unhealthy)).toEqual(
      expect.arrayContaining(['service kafka: no healthcheck', 'service gateway: starts before registry is healthy (depends_on condition: service_healthy)']),
    );
  });
});

describe('dockerfileProblems', () => {
  it('fails a Dockerfile whose final stage runs as root', () => {
    expect(messages(checkDockerfile(fixture('root.Dockerfile'), root))).toEqual(['the final stage runs as root: it has no USER instruction']);
    const explicitRoot = readFileSync(join(root, 'docker/gateway.Dockerfile'), 'utf8').replace('USER 1000:1000', 'USER root');
    expect(dockerfileProblems(explicitRoot)).toEqual([expect.stringMatching(/^line \d+: the final stage runs as root \(USER root\)$/)]);
  });

  it('fails an unpinned base image, also through an ARG default, an ADD of a URL, and no HEALTHCHECK', () => {
    const service = readFileSync(join(root, 'docker/service.Dockerfile'), 'utf8');
    const broken = service
      .replace('ARG NODE_IMAGE=node:20.20.2-bookworm-slim', 'ARG NODE_IMAGE=node:latest')
      .replace('WORKDIR /app', 'WORKDIR /app\nADD https://example.org/tool.tgz /opt/')
      .replace(/^HEALTHCHECK .*$/m, '');
    const unpinned = expect.stringMatching(/^line \d+: base image node:latest is not pinned to a tag \(other than latest\) or a digest$/);
    expect(dockerfileProblems(broken)).toEqual([
      unpinned, // build
      unpinned, // production-deps
      unpinned, // runtime
      expect.stringMatching(/^line \d+: ADD of a URL/),
      'the final stage declares no HEALTHCHECK',
    ]);
  });

  it('reports the linter’s own findings: an instruction it does not know', () => {
    expect(dockerfileProblems('FROM node:20.20.2-bookworm-slim\nUSER 1000\nHEALTHCHECK CMD ["true"]\nRUNN echo\n')).toEqual([
      expect.stringMatching(/^line 4: Unknown instruction: RUNN/),
    ]);
  });

  it('joins continuation lines and skips comments when reading instructions', () => {
    expect(parseInstructions('# syntax=docker/dockerfile:1\nFROM a:1 AS build\nRUN one \\\n  # note\n  two\n\nUSER 1000\n')).toEqual([
      { keyword: 'FROM', args: 'a:1 AS build', line: 2 },
      { keyword: 'RUN', args: 'one two', line: 3 },
      { keyword: 'USER', args: '1000', line: 7 },
    ]);
  });
});

describe('isPinnedImage', () => {
  it.each([
    ['node:20.20.2-bookworm-slim', true],
    ['registry.example.org:5000/mkt/gateway:0.1.0', true],
    ['postgres@sha256:0123', true],
    ['registry.example.org:5000/mkt/gateway', false],
    ['node:latest', false],
    ['mkt-registry', false],
  ])('%s → %s', (image, pinned) => {
    expect(isPinnedImage(image)).toBe(pinned);
  });
});
