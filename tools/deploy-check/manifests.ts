import { parseAllDocuments } from 'yaml';

/** A Kubernetes object as read from YAML: only the fields every object has are typed. */
export interface Manifest {
  readonly apiVersion?: unknown;
  readonly kind?: unknown;
  readonly metadata?: { readonly name?: unknown; readonly namespace?: unknown; readonly labels?: Record<string, string> };
  readonly [field: string]: unknown;
}

/** Every non-empty document of a multi-document YAML stream; a syntax error throws, naming the source. */
export function parseManifests(text: string, source: string): Manifest[] {
  const manifests: Manifest[] = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) throw new Error(`${source}: ${document.errors[0].message}`);
    const value = document.toJS();
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${source}: a document is not a mapping`);
    manifests.push(value as Manifest);
  }
  return manifests;
}

/** `Kind/name` (with the namespace when set): how problems name the object they are about. */
export function describe(manifest: Manifest): string {
  const name = typeof manifest.metadata?.name === 'string' ? manifest.metadata.name : '<unnamed>';
  const namespace = typeof manifest.metadata?.namespace === 'string' ? `${manifest.metadata.namespace}/` : '';
  return `${String(manifest.kind ?? '<no kind>')} ${namespace}${name}`;
}
