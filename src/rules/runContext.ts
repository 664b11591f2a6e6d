/**
 * The run-level context: facts gathered from every file of one `shipshape lint` run before any
 * rule runs, handed to each rule as plain data in `RuleContext.run`. Rules stay pure functions
 * of (their file's model, this context): none reads another file, and the engine decides what a
 * run is (the paths a user gave, or one challenge's files).
 */
import type { CiWorkflowModel } from '../parse/ciWorkflow.js';
import type { DockerfileModel } from '../parse/dockerfile.js';
import type { KubernetesModel, KubernetesObject, PodSpecRef } from '../parse/kubernetes.js';

export interface RunContext {
  /** Every Kubernetes object of every file in the run, in file order. */
  kubernetesObjects: readonly KubernetesObject[];
  /** Every pod spec (Pods and the templates of workloads) of every file in the run. */
  podSpecs: readonly PodSpecRef[];
  /** The run's Dockerfiles by the path they are reported under (`/`-separated, normalised). */
  dockerfiles: ReadonlyMap<string, DockerfileModel>;
  /** Every NetworkPolicy of the run. */
  networkPolicies: readonly KubernetesObject[];
  /** ServiceAccounts by name (one name may exist in several namespaces). */
  serviceAccounts: ReadonlyMap<string, readonly KubernetesObject[]>;
  /** Pod specs by the ServiceAccount name they run as (`default` when unset). */
  podsByServiceAccount: ReadonlyMap<string, readonly PodSpecRef[]>;
  /** The run's CI workflows by the path they are reported under (a reusable workflow a job calls). */
  ciWorkflows: ReadonlyMap<string, CiWorkflowModel>;
}

/** A parsed file of the run, as the engine holds it. */
export type RunModel =
  | { kind: 'kubernetes'; model: KubernetesModel }
  | { kind: 'dockerfile'; model: DockerfileModel }
  | { kind: 'ci'; model: CiWorkflowModel }
  | { kind: 'compose' | 'daemon'; model: unknown };

/**
 * @example buildRunContext([{ kind: 'kubernetes', model }]).kubernetesObjects.length
 */
export function buildRunContext(models: readonly RunModel[]): RunContext {
  const kubernetesObjects: KubernetesObject[] = [];
  const podSpecs: PodSpecRef[] = [];
  const dockerfiles = new Map<string, DockerfileModel>();
  const ciWorkflows = new Map<string, CiWorkflowModel>();
  for (const entry of models) {
    if (entry.kind === 'kubernetes') {
      kubernetesObjects.push(...entry.model.objects);
      podSpecs.push(...entry.model.podSpecs);
    } else if (entry.kind === 'dockerfile') {
      dockerfiles.set(normalizeRunPath(entry.model.file), entry.model);
    } else if (entry.kind === 'ci') {
      ciWorkflows.set(normalizeRunPath(entry.model.file), entry.model);
    }
  }
  const serviceAccounts = new Map<string, KubernetesObject[]>();
  for (const object of kubernetesObjects) if (object.kind === 'ServiceAccount') pushTo(serviceAccounts, object.name, object);
  const podsByServiceAccount = new Map<string, PodSpecRef[]>();
  for (const pod of podSpecs) pushTo(podsByServiceAccount, serviceAccountNameOf(pod), pod);
  const networkPolicies = kubernetesObjects.filter((object) => object.kind === 'NetworkPolicy');
  return { kubernetesObjects, podSpecs, dockerfiles, networkPolicies, serviceAccounts, podsByServiceAccount, ciWorkflows };
}

/**
 * The run a rule judges: the whole lint run when there is one, else its own file alone, so a
 * rule has one code path. Building it for one file is linear in that file's objects.
 */
export function runOf(run: RunContext | undefined, model: KubernetesModel): RunContext {
  return run ?? buildRunContext([{ kind: 'kubernetes', model }]);
}

/** The ServiceAccount a pod runs as: `serviceAccountName`, the older `serviceAccount`, or `default`. */
export function serviceAccountNameOf(pod: PodSpecRef): string {
  const named = pod.spec.serviceAccountName ?? pod.spec.serviceAccount;
  return typeof named === 'string' && named !== '' ? named : 'default';
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
