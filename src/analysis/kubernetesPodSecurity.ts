/**
 * Shared ground for the Pod Security Standards controls (`kubernetes/pss-*` rules): the places a
 * securityContext field may be set (the pod, and each container of every group, as the standard
 * lists them) and one wording for their findings.
 */
import type { ContainerRef, KubernetesModel, PodSpecRef } from '../parse/kubernetes.js';
import { asRecord, type YamlPath } from '../parse/yamlSource.js';
import { describeContainer, describeObject } from './kubernetesWalk.js';

export type PodSecurityLevel = 'baseline' | 'restricted';

export interface SecurityContextSite {
  pod: PodSpecRef;
  /** Undefined for the pod-level securityContext. */
  container: ContainerRef | undefined;
  /** Path of the `securityContext` node; when it does not exist, positions fall back to its owner. */
  path: YamlPath;
  context: Record<string, unknown>;
  /** `Pod/web` or `container "app" of Pod/web`. */
  owner: string;
}

/**
 * The pod-level securityContext of every pod spec, then each container's.
 *
 * @example securityContextSites(model).filter((site) => site.context.privileged === true)
 */
export function securityContextSites(model: KubernetesModel): SecurityContextSite[] {
  return model.podSpecs.flatMap((pod) => [
    site(pod, undefined, pod.path, asRecord(pod.spec.securityContext), describeObject(pod.object)),
    ...pod.containers.map((container) =>
      site(pod, container, container.path, asRecord(container.spec.securityContext), describeContainer(pod, container))),
  ]);
}

function site(pod: PodSpecRef, container: ContainerRef | undefined, ownerPath: YamlPath, context: Record<string, unknown>, owner: string): SecurityContextSite {
  return { pod, container, path: [...ownerPath, 'securityContext'], context, owner };
}

/** `... (Pod Security restricted)`: every pss-* message ends the same way, so the level is always visible. */
export function podSecurityMessage(level: PodSecurityLevel, text: string): string {
  return `${text} (Pod Security ${level})`;
}
