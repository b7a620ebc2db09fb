import { describe, type Manifest } from './manifests';
import { isPinnedImage } from './image-reference';

export interface WorkloadPolicyOptions {
  /** Overlays deploy released images: each must name a tag or digest, and not `latest`. The base names bare images. */
  readonly requirePinnedImages: boolean;
}

type Json = any;

/**
 * The rules of issue 9 on a built set of manifests, beyond what the API schema checks:
 * - every Deployment (a marketplace service or the gateway) has readiness and liveness probes on /health, CPU and
 *   memory requests and limits, runs as non-root with a read-only root filesystem, no privilege escalation, all
 *   capabilities dropped and the RuntimeDefault seccomp profile, and has a HorizontalPodAutoscaler and a
 *   PodDisruptionBudget;
 * - other workloads (the dev overlay's Kafka and Postgres) have probes and resources and run restricted too,
 *   a writable root filesystem allowed;
 * - a default-deny NetworkPolicy (all pods, ingress and egress) is present;
 * - only the gateway is exposed: no NodePort or LoadBalancer Service, and Ingresses lead to the gateway only.
 */
export function workloadPolicyProblems(manifests: readonly Manifest[], options: WorkloadPolicyOptions): string[] {
  const problems: string[] = [];
  const byKind = (kind: string) => manifests.filter((m) => m.kind === kind) as Json[];

  for (const deployment of byKind('Deployment')) {
    const pod = deployment.spec?.template?.spec ?? {};
    problems.push(...podProblems(deployment, pod, { readOnlyRoot: true, healthProbes: true, options }));
    const labels = deployment.spec?.template?.metadata?.labels ?? {};
    if (!byKind('HorizontalPodAutoscaler').some((h) => h.spec?.scaleTargetRef?.kind === 'Deployment' && h.spec?.scaleTargetRef?.name === deployment.metadata?.name)) {
      problems.push(`${describe(deployment)}: no HorizontalPodAutoscaler scales it`);
    }
    if (!byKind('PodDisruptionBudget').some((p) => selects(p.spec?.selector?.matchLabels, labels))) {
      problems.push(`${describe(deployment)}: no PodDisruptionBudget selects its pods`);
    }
  }
  for (const statefulSet of byKind('StatefulSet')) {
    problems.push(...podProblems(statefulSet, statefulSet.spec?.template?.spec ?? {}, { readOnlyRoot: false, healthProbes: false, options }));
  }

  const defaultDeny = byKind('NetworkPolicy').some(
    (p) => isEmptySelector(p.spec?.podSelector) && ['Ingress', 'Egress'].every((t) => p.spec?.policyTypes?.includes(t)) && !p.spec?.ingress?.length && !p.spec?.egress?.length,
  );
  if (!defaultDeny) problems.push('no default-deny NetworkPolicy (podSelector {}, policyTypes Ingress and Egress, no rules)');

  for (const service of byKind('Service')) {
    if (service.spec?.type === 'NodePort' || service.spec?.type === 'LoadBalancer') {
      problems.push(`${describe(service)}: type ${service.spec.type} exposes it outside the cluster; only the gateway is exposed, through an Ingress`);
    }
  }
  for (const ingress of byKind('Ingress')) {
    const backends = [ingress.spec?.defaultBackend, ...(ingress.spec?.rules ?? []).flatMap((r: Json) => (r.http?.paths ?? []).map((p: Json) => p.backend))].filter(Boolean);
    for (const backend of backends) {
      if (backend.service?.name !== 'gateway') problems.push(`${describe(ingress)}: routes to ${backend.service?.name ?? 'a non-service backend'}; only the gateway is exposed`);
    }
  }
  return problems;
}

interface PodRules {
  readonly readOnlyRoot: boolean;
  readonly healthProbes: boolean;
  readonly options: WorkloadPolicyOptions;
}

function podProblems(workload: Json, pod: Json, rules: PodRules): string[] {
  const problems: string[] = [];
  const say = (container: Json, message: string) => problems.push(`${describe(workload)}: container ${container?.name ?? '?'} ${message}`);
  const containers: Json[] = pod.containers ?? [];
  for (const container of [...containers, ...(pod.initContainers ?? [])]) {
    const security = container.securityContext ?? {};
    if (security.runAsNonRoot !== true && pod.securityContext?.runAsNonRoot !== true) say(container, 'may run as root: set runAsNonRoot');
    if (security.runAsUser === 0 || (security.runAsUser === undefined && pod.securityContext?.runAsUser === 0)) say(container, 'runs as uid 0');
    if (security.allowPrivilegeEscalation !== false) say(container, 'allows privilege escalation');
    if (!(security.capabilities?.drop ?? []).includes('ALL')) say(container, 'keeps Linux capabilities: drop ALL');
    if ((security.capabilities?.add ?? []).length > 0) say(container, `adds capabilities ${security.capabilities.add.join(', ')}`);
    if (security.privileged === true) say(container, 'is privileged');
    if ((security.seccompProfile?.type ?? pod.securityContext?.seccompProfile?.type) !== 'RuntimeDefault') say(container, 'has no RuntimeDefault seccomp profile');
    if (rules.readOnlyRoot && security.readOnlyRootFilesystem !== true) say(container, 'has a writable root filesystem');
    if (rules.options.requirePinnedImages && !isPinnedImage(container.image)) say(container, `image ${container.image ?? '(none)'} is not pinned to a tag or digest other than latest`);
  }
  for (const container of containers) {
    for (const probe of ['readinessProbe', 'livenessProbe']) {
      const spec = container[probe];
      if (!spec) say(container, `has no ${probe}`);
      else if (rules.healthProbes && spec.httpGet?.path !== '/health') say(container, `${probe} does not check the /health endpoint`);
    }
    for (const bound of ['requests', 'limits']) {
      for (const resource of ['cpu', 'memory']) {
        if (container.resources?.[bound]?.[resource] === undefined) say(container, `sets no ${resource} ${bound === 'requests' ? 'request' : 'limit'}`);
      }
    }
  }
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) problems.push(`${describe(workload)}: shares a host namespace`);
  return problems;
}

function selects(matchLabels: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  const wanted = Object.entries(matchLabels ?? {});
  return wanted.length > 0 && wanted.every(([key, value]) => labels[key] === value);
}

function isEmptySelector(selector: Json): boolean {
  return selector !== undefined && Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}
