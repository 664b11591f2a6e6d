/**
 * No RoleBinding or ClusterRoleBinding may grant the built-in `cluster-admin` ClusterRole. A
 * namespaced Role that happens to be named cluster-admin is a different, ordinary role.
 */
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import { asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

export const rbacNoClusterAdmin: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/rbac-no-cluster-admin',
    severity: 'error',
    title: 'A binding grants cluster-admin',
    passTitle: 'No binding grants cluster-admin',
    why:
      'cluster-admin is superuser on the whole cluster: every Secret, every node, every namespace, and the right ' +
      'to grant itself anything else. A service account bound to it turns any compromise of the pod using it ' +
      'into a compromise of the cluster, and a user bound to it makes their laptop the cluster\'s weakest point.',
    fix: 'Bind a Role (or a narrow ClusterRole) that lists only the resources and verbs needed, with a RoleBinding in the namespace where they are needed.',
    item: 'k8s.rbac',
    references: ['cis-kubernetes:5.1.1'],
  },
  check(model) {
    return model.objects
      .filter((object) => object.kind === 'RoleBinding' || object.kind === 'ClusterRoleBinding')
      .flatMap((binding) => {
        const roleRef = asRecord(binding.value.roleRef);
        if (roleRef.kind !== 'ClusterRole' || roleRef.name !== 'cluster-admin') return [];
        const scope = binding.kind === 'ClusterRoleBinding' ? 'on the whole cluster' : 'in its namespace';
        return [hitAt(binding, [...binding.path, 'roleRef', 'name'], `${describeObject(binding)} grants cluster-admin ${scope}`)];
      });
  },
};
