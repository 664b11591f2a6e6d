/**
 * Kubernetes objects as rules see them: every object of a multi-document file (and of `List`s),
 * the pod spec inside each workload kind, and every container of it (containers, initContainers,
 * ephemeralContainers) with a path for positions.
 */
import { InputError } from './position.js';
import { asArray, asRecord, isRecord, parseYamlSource, type YamlDocument, type YamlPath } from './yamlSource.js';

export interface KubernetesObject {
  document: YamlDocument;
  /** Path of this object inside its document: `[]`, or `['items', 3]` inside a List. */
  path: YamlPath;
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string | undefined;
  value: Record<string, unknown>;
}

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerRef {
  group: ContainerGroup;
  index: number;
  name: string;
  path: YamlPath;
  spec: Record<string, unknown>;
}

export interface PodSpecRef {
  object: KubernetesObject;
  path: YamlPath;
  spec: Record<string, unknown>;
  containers: ContainerRef[];
  /**
   * The pod's own metadata (the Pod's, or the template's for workloads): labels that
   * NetworkPolicies select on and annotations such as the AppArmor ones. `{}` when absent.
   */
  metadata: Record<string, unknown>;
  metadataPath: YamlPath;
}

export interface KubernetesModel {
  file: string;
  objects: KubernetesObject[];
  podSpecs: PodSpecRef[];
}

/** Where each workload kind keeps its pod spec. */
const podSpecPaths: Record<string, YamlPath> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export const workloadKinds = Object.keys(podSpecPaths);

export function looksLikeKubernetes(value: unknown): boolean {
  return isRecord(value) && typeof value.apiVersion === 'string' && typeof value.kind === 'string';
}

/**
 * @throws InputError when the text is not YAML, or a document is not a Kubernetes object.
 */
export function parseKubernetes(text: string, file: string): KubernetesModel {
  return kubernetesModelFromDocuments(file, parseYamlSource(text, file).documents, { strict: true });
}

/**
 * The model of documents parsed already (`shipshape lint` parses each file once). Strict, a
 * document that is not a Kubernetes object is an error (a challenge's manifest); lenient, it is
 * passed over, so a file whose first document is something else still has its Deployment checked.
 */
export function kubernetesModelFromDocuments(file: string, documents: readonly YamlDocument[], options: { strict: boolean }): KubernetesModel {
  const objects: KubernetesObject[] = [];
  for (const document of documents) {
    if (document.value === null || document.value === undefined) continue;
    collectObjects(document, document.value, [], objects, file, options.strict);
  }
  return { file, objects, podSpecs: objects.flatMap(podSpecOf) };
}

function collectObjects(document: YamlDocument, value: unknown, path: YamlPath, into: KubernetesObject[], file: string, strict: boolean): void {
  if (!looksLikeKubernetes(value)) {
    if (!strict) return;
    throw new InputError(file, document.positionOf(path), 'expected a Kubernetes object with "apiVersion" and "kind"');
  }
  const object = value as Record<string, unknown>;
  if (object.kind === 'List' || (typeof object.kind === 'string' && object.kind.endsWith('List') && Array.isArray(object.items))) {
    asArray(object.items).forEach((item, index) => collectObjects(document, item, [...path, 'items', index], into, file, strict));
    return;
  }
  const metadata = asRecord(object.metadata);
  into.push({
    document,
    path,
    apiVersion: String(object.apiVersion),
    kind: String(object.kind),
    name: typeof metadata.name === 'string' ? metadata.name : '(unnamed)',
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
    value: object,
  });
}

function podSpecOf(object: KubernetesObject): PodSpecRef[] {
  const relative = podSpecPaths[object.kind];
  if (!relative) return [];
  let spec: unknown = object.value;
  for (const key of relative) spec = asRecord(spec)[key];
  if (!isRecord(spec)) return [];
  const path = [...object.path, ...relative];
  const groups: ContainerGroup[] = ['containers', 'initContainers', 'ephemeralContainers'];
  const containers = groups.flatMap((group) =>
    asArray(spec[group]).map((container, index) => {
      const containerSpec = asRecord(container);
      return {
        group,
        index,
        name: typeof containerSpec.name === 'string' ? containerSpec.name : `${group}[${index}]`,
        path: [...path, group, index],
        spec: containerSpec,
      };
    }),
  );
  // Every pod spec path ends in `spec`; its sibling `metadata` is the pod template's metadata.
  const metadataRelative = [...relative.slice(0, -1), 'metadata'];
  let metadata: unknown = object.value;
  for (const key of metadataRelative) metadata = asRecord(metadata)[key];
  return [{ object, path, spec, containers, metadata: asRecord(metadata), metadataPath: [...object.path, ...metadataRelative] }];
}

/** Settings that exist on both the pod's and the container's securityContext; the container wins. */
const overridable = ['runAsUser', 'runAsGroup', 'runAsNonRoot', 'seccompProfile', 'seLinuxOptions', 'windowsOptions', 'appArmorProfile'] as const;

export interface EffectiveSecurityContext {
  values: Record<string, unknown>;
  /** For each setting, the path it came from (container or pod level), to point findings at. */
  sources: Record<string, YamlPath>;
}

/** Computed once per container: some twenty rules ask for it. Frozen, since they share it. */
const effectiveContexts = new WeakMap<ContainerRef, { pod: PodSpecRef; context: EffectiveSecurityContext }>();

/**
 * The securityContext a container really runs with: container-level settings override the
 * pod-level ones for the fields both have; the rest exist only on the container.
 */
export function effectiveSecurityContext(pod: PodSpecRef, container: ContainerRef): EffectiveSecurityContext {
  let effective = effectiveContexts.get(container);
  if (effective === undefined || effective.pod !== pod) {
    effective = { pod, context: Object.freeze(mergedSecurityContext(pod, container)) };
    effectiveContexts.set(container, effective);
  }
  return effective.context;
}

function mergedSecurityContext(pod: PodSpecRef, container: ContainerRef): EffectiveSecurityContext {
  const podContext = asRecord(pod.spec.securityContext);
  const containerContext = asRecord(container.spec.securityContext);
  const values: Record<string, unknown> = {};
  const sources: Record<string, YamlPath> = {};
  for (const key of overridable) {
    if (key in podContext) {
      values[key] = podContext[key];
      sources[key] = [...pod.path, 'securityContext', key];
    }
  }
  for (const [key, value] of Object.entries(containerContext)) {
    values[key] = value;
    sources[key] = [...container.path, 'securityContext', key];
  }
  return { values: Object.freeze(values), sources: Object.freeze(sources) };
}
