/**
 * Walking a Kubernetes model the way most rules need it: every container of every pod spec with
 * the securityContext it really runs with, a readable name for it, and a hit at a YAML path.
 * Kept here so that forty rule files share one notion of "a container" and "where to point".
 */
import {
  effectiveSecurityContext,
  type ContainerGroup,
  type ContainerRef,
  type EffectiveSecurityContext,
  type KubernetesModel,
  type KubernetesObject,
  type PodSpecRef,
} from '../parse/kubernetes.js';
import { asArray, asRecord, type YamlPath } from '../parse/yamlSource.js';
import type { RuleHit } from '../rules/types.js';
import { oncePer } from '../shared/oncePer.js';

export interface ContainerVisit {
  pod: PodSpecRef;
  container: ContainerRef;
  context: EffectiveSecurityContext;
}

const allGroups: readonly ContainerGroup[] = ['containers', 'initContainers', 'ephemeralContainers'];

/**
 * Every container of every pod spec, optionally only some groups (ephemeral containers, for
 * instance, cannot declare resources, so resource rules leave them out).
 *
 * @example everyContainer(model).map(({ container }) => container.name)
 */
export function everyContainer(model: KubernetesModel, groups: readonly ContainerGroup[] = allGroups): readonly ContainerVisit[] {
  const visits = allContainers(model);
  return groups === allGroups ? visits : visits.filter(({ container }) => groups.includes(container.group));
}

/** The full walk, made once per model: twenty-odd rules walk the same one, which never changes. */
const allContainers = oncePer((model: KubernetesModel): readonly ContainerVisit[] => {
  const walked: ContainerVisit[] = [];
  for (const pod of model.podSpecs) for (const container of pod.containers) walked.push({ pod, container, context: effectiveSecurityContext(pod, container) });
  return walked;
});

/**
 * Every container of the pods that run on Linux. A pod with `os.name: windows` may not even set
 * the Linux-only securityContext fields (capabilities, allowPrivilegeEscalation, seccompProfile,
 * readOnlyRootFilesystem, runAsUser: the API server refuses them), so rules asking for those
 * walk these instead of everyContainer.
 */
export function linuxContainers(model: KubernetesModel): readonly ContainerVisit[] {
  const visits = everyContainer(model);
  return visits.some(({ pod }) => isWindowsPod(pod)) ? visits.filter(({ pod }) => !isWindowsPod(pod)) : visits;
}

/** A hit at the node `path` of the object's document (or its nearest existing ancestor). */
export function hitAt(object: KubernetesObject, path: YamlPath, message: string): RuleHit {
  const { line, column } = object.document.positionOf(path);
  return { line, column, message };
}

/** `Deployment/api`, the way kubectl names an object. */
export function describeObject(object: KubernetesObject): string {
  return `${object.kind}/${object.name}`;
}

const groupWords: Record<ContainerGroup, string> = {
  containers: 'container',
  initContainers: 'init container',
  ephemeralContainers: 'ephemeral container',
};

/** `init container "migrate" of Deployment/api`: names the group, since init containers are easy to forget. */
export function describeContainer(pod: PodSpecRef, container: ContainerRef): string {
  return `${groupWords[container.group]} "${container.name}" of ${describeObject(pod.object)}`;
}

/** The container's own `securityContext` (not merged with the pod's). */
export function containerSecurityContext(container: ContainerRef): Record<string, unknown> {
  return asRecord(container.spec.securityContext);
}

/** The pod-level `securityContext`. */
export function podSecurityContext(pod: PodSpecRef): Record<string, unknown> {
  return asRecord(pod.spec.securityContext);
}

/**
 * Pods that declare `spec.os.name: windows`; Pod Security exempts them from the Linux-only
 * restricted controls (privilege escalation, seccomp, capabilities).
 */
export function isWindowsPod(pod: PodSpecRef): boolean {
  return asRecord(pod.spec.os).name === 'windows';
}

/** The strings of a YAML list (capabilities, verbs...); anything else in it is ignored. */
export function stringList(value: unknown): string[] {
  return asArray(value).filter((item): item is string => typeof item === 'string');
}

/** An integer the way YAML may carry it (`0`, or a quoted `"0"` a hand-written manifest may hold). */
export function integerValue(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}
