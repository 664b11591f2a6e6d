/**
 * The policy rules of every Role and ClusterRole in a model, with their lists read as strings
 * and a path to each, so the RBAC rules can point at the exact list entry.
 */
import type { KubernetesModel, KubernetesObject } from '../parse/kubernetes.js';
import { asArray, asRecord, type YamlPath } from '../parse/yamlSource.js';
import { stringList } from './kubernetesWalk.js';

export interface RbacPolicyRule {
  role: KubernetesObject;
  path: YamlPath;
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames: string[];
}

export const roleKinds = ['Role', 'ClusterRole'];

/** @example rbacPolicyRules(model).filter((rule) => rule.verbs.includes('*')) */
export function rbacPolicyRules(model: KubernetesModel): RbacPolicyRule[] {
  return model.objects
    .filter((object) => roleKinds.includes(object.kind))
    .flatMap((role) =>
      asArray(role.value.rules).map((rule, index) => {
        const spec = asRecord(rule);
        return {
          role,
          path: [...role.path, 'rules', index],
          apiGroups: stringList(spec.apiGroups),
          resources: stringList(spec.resources),
          verbs: stringList(spec.verbs),
          resourceNames: stringList(spec.resourceNames),
        };
      }),
    );
}
