/**
 * Environment variables whose names say they hold a secret must not carry a literal `value:`,
 * nor come from a ConfigMap (moving the password there only moves it to another clear-text
 * object); they should come from a Secret through `valueFrom.secretKeyRef` or `envFrom.secretRef`.
 */
import { describeContainer, everyContainer, hitAt } from '../../analysis/kubernetesWalk.js';
import { findLiteralCredentials, isSecretName } from '../../analysis/secretLooking.js';
import { asArray, asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

export const noLiteralSecretEnv: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/no-literal-secret-env',
    severity: 'error',
    title: 'A secret is written into the manifest as an environment value',
    passTitle: 'No secret is written into the manifest as an environment value',
    why:
      'A password or token written as `value:` lives in the Git history of the manifest, in every CI log that ' +
      'prints it, and in the workload object that anyone allowed to read Deployments can fetch, a much wider ' +
      'audience than those allowed to read Secrets. Whoever finds it can use it until it is rotated, and nobody ' +
      'can rotate it without a new commit.',
    fix:
      'Put the value in a Secret (created by External Secrets Operator or sealed-secrets, not committed) and ' +
      'reference it: `valueFrom: {secretKeyRef: {name: db, key: password}}`, or `envFrom: [{secretRef: {name: db}}]`.',
    item: 'k8s.secrets',
    references: ['kube-linter:env-var-secret'],
  },
  check(model) {
    return everyContainer(model).flatMap(({ pod, container }) =>
      asArray(container.spec.env).flatMap((entry, index) => {
        const variable = asRecord(entry);
        if (typeof variable.name !== 'string') return [];
        if (!isSecretName(variable.name)) {
          // Any variable may still carry a credential in its value: a password inside DATABASE_URL.
          const found = typeof variable.value === 'string' ? findLiteralCredentials(variable.value)[0] : undefined;
          if (found === undefined) return [];
          return [hitAt(pod.object, [...container.path, 'env', index, 'value'],
            `${describeContainer(pod, container)} sets ${variable.name} to a value holding ${found.description}; use valueFrom.secretKeyRef`)];
        }
        // A ConfigMap is configuration: stored and shown in clear, readable wherever config is.
        const fromConfigMap = asRecord(asRecord(variable.valueFrom).configMapKeyRef);
        if (Object.keys(fromConfigMap).length > 0) {
          const where = typeof fromConfigMap.name === 'string' ? `ConfigMap ${fromConfigMap.name}` : 'a ConfigMap';
          return [hitAt(pod.object, [...container.path, 'env', index, 'valueFrom', 'configMapKeyRef'],
            `${describeContainer(pod, container)} reads ${variable.name} from ${where}, which is not a secret; use valueFrom.secretKeyRef`)];
        }
        const value = variable.value;
        if (value === undefined || value === null || String(value) === '') return [];
        // `$(OTHER_VAR)` only refers to another variable of the container.
        if (typeof value === 'string' && /^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(value)) return [];
        return [hitAt(pod.object, [...container.path, 'env', index, 'value'],
          `${describeContainer(pod, container)} sets ${variable.name} to a literal value; use valueFrom.secretKeyRef`)];
      }),
    );
  },
};
