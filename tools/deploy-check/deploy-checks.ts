import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { composeProblems } from './compose';
import { dockerfileProblems } from './dockerfile';
import { kustomizeBuild } from './kustomize';
import { schemaProblems } from './kubernetes-schemas';
import { parseManifests } from './manifests';
import type { Problem } from './problem';
import { workloadPolicyProblems, type WorkloadPolicyOptions } from './workload-policy';

/** What one check looked at and what it found. */
export interface CheckResult {
  readonly target: string;
  readonly summary: string;
  readonly problems: readonly Problem[];
}

/** `kustomize build` of one kustomization, every object against its schema, then the workload policy. */
export function checkKustomization(dir: string, options: WorkloadPolicyOptions, root = process.cwd()): CheckResult {
  const target = relative(root, dir) || '.';
  let built: string;
  try {
    built = kustomizeBuild(dir);
  } catch (error) {
    return { target, summary: 'kustomize build failed', problems: [{ file: target, where: 'kustomize build', message: (error as Error).message }] };
  }
  const manifests = parseManifests(built, target);
  const findings = [...manifests.flatMap(schemaProblems), ...workloadPolicyProblems(manifests, options)];
  return { target, summary: `${manifests.length} objects built`, problems: findings.map((message) => ({ file: target, where: 'built', message })) };
}

export function checkComposeFile(file: string, root = process.cwd()): CheckResult {
  const target = relative(root, file);
  const problems = composeProblems(readFileSync(file, 'utf8')).map((message) => ({ file: target, where: 'compose-spec', message }));
  return { target, summary: 'compose-spec schema and start order', problems };
}

export function checkDockerfile(file: string, root = process.cwd()): CheckResult {
  const target = relative(root, file);
  const problems = dockerfileProblems(readFileSync(file, 'utf8')).map((message) => ({ file: target, where: 'lint', message }));
  return { target, summary: 'dockerfile-utils lint and image rules', problems };
}

/**
 * Everything `npm run check:deploy` checks in the repository: k8s/base and every overlay under k8s/overlays
 * (overlays deploy pinned images), docker/compose.yaml and every docker/*Dockerfile.
 */
export function checkRepository(root: string): CheckResult[] {
  const overlays = join(root, 'k8s/overlays');
  const overlayDirs = existsSync(overlays)
    ? readdirSync(overlays, { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(overlays, e.name, 'kustomization.yaml')))
        .map((e) => join(overlays, e.name))
    : [];
  const dockerfiles = readdirSync(join(root, 'docker')).filter((name) => name.endsWith('Dockerfile'));
  return [
    checkKustomization(join(root, 'k8s/base'), { requirePinnedImages: false }, root),
    ...overlayDirs.map((dir) => checkKustomization(dir, { requirePinnedImages: true }, root)),
    checkComposeFile(join(root, 'docker/compose.yaml'), root),
    ...dockerfiles.map((name) => checkDockerfile(join(root, 'docker', name), root)),
  ];
}
