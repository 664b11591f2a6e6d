/**
 * The run-level context: facts gathered from every file of one `shipshape lint` run before any
 * rule runs, handed to each rule as plain data in `RuleContext.run`. Rules stay pure functions
 * of (their file's model, this context): none reads another file, and the engine decides what a
 * run is (the paths a user gave, or one challenge's files).
 */
import type { DockerfileModel } from '../parse/dockerfile.js';
import type { KubernetesModel, KubernetesObject, PodSpecRef } from '../parse/kubernetes.js';

export interface RunContext {
  /** Every Kubernetes object of every file in the run, in file order. */
  kubernetesObjects: readonly KubernetesObject[];
  /** Every pod spec (Pods and the templates of workloads) of every file in the run. */
  podSpecs: readonly PodSpecRef[];
  /** The run's Dockerfiles by the path they are reported under (`/`-separated, normalised). */
  dockerfiles: ReadonlyMap<string, DockerfileModel>;
}

/** A parsed file of the run, as the engine holds it. */
export type RunModel =
  | { kind: 'kubernetes'; model: KubernetesModel }
  | { kind: 'dockerfile'; model: DockerfileModel }
  | { kind: 'compose' | 'ci' | 'daemon'; model: unknown };

/**
 * @example buildRunContext([{ kind: 'kubernetes', model }]).kubernetesObjects.length
 */
export function buildRunContext(models: readonly RunModel[]): RunContext {
  const kubernetesObjects: KubernetesObject[] = [];
  const podSpecs: PodSpecRef[] = [];
  const dockerfiles = new Map<string, DockerfileModel>();
  for (const entry of models) {
    if (entry.kind === 'kubernetes') {
      kubernetesObjects.push(...entry.model.objects);
      podSpecs.push(...entry.model.podSpecs);
    } else if (entry.kind === 'dockerfile') {
      dockerfiles.set(normalizeRunPath(entry.model.file), entry.model);
    }
  }
  return { kubernetesObjects, podSpecs, dockerfiles };
}

/**
 * `a/./b/../Dockerfile` -> `a/Dockerfile`: how a compose file's `build:` and the Dockerfile's
 * own reported path meet. String arithmetic only; nothing touches the filesystem.
 */
export function normalizeRunPath(file: string): string {
  const absolute = file.startsWith('/');
  const parts: string[] = [];
  for (const part of file.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  return `${absolute ? '/' : ''}${parts.join('/')}`;
}

/** The directory part of a run path (`deploy/compose.yaml` -> `deploy`; `compose.yaml` -> ``). */
export function runPathDirectory(file: string): string {
  const index = file.replace(/\\/g, '/').lastIndexOf('/');
  return index < 0 ? '' : file.slice(0, index) || '/';
}
