/**
 * Whether two objects of one file end up in the same namespace. An object without
 * `metadata.namespace` lands wherever `kubectl apply -n` sends the whole file, so it is taken to
 * share a namespace with anything: the lenient reading, since a rule cannot see the command line.
 */
import type { KubernetesObject } from '../parse/kubernetes.js';

/** @example sameNamespace(policy, deployment) */
export function sameNamespace(a: KubernetesObject, b: KubernetesObject): boolean {
  return a.namespace === undefined || b.namespace === undefined || a.namespace === b.namespace;
}
