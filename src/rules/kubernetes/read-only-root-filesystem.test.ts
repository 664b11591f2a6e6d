import { describe, expect, it } from 'vitest';
import { windowsPod } from '../../../test/helpers/kubernetesFixtures.js';
import { lintText } from '../engine.js';
import { readOnlyRootFilesystem } from './read-only-root-filesystem.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [readOnlyRootFilesystem] }).findings;

const deployment = (containerContext: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:1.4.2
          securityContext: ${containerContext}
`;

describe('kubernetes/read-only-root-filesystem', () => {
  it('passes readOnlyRootFilesystem: true', () => {
    expect(lint(deployment('{readOnlyRootFilesystem: true}'))).toEqual([]);
  });

  it.each([
    ['a missing field', deployment('{}'), 9],
    ['an explicit false', deployment('{readOnlyRootFilesystem: false}'), 11],
  ])('flags %s as a warning', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/read-only-root-filesystem', severity: 'warning', item: 'k8s.security-context', line });
  });

  it('does not accept the setting on the pod level, where Kubernetes has no such field', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {readOnlyRootFilesystem: true}\n  containers:\n    - name: app\n';
    expect(lint(text).map((f) => f.line)).toEqual([7]);
  });

  it('leaves a Windows pod alone: the API server refuses this Linux-only field there', () => {
    expect(lint(windowsPod)).toEqual([]);
    expect(lint(windowsPod.replace('  os: {name: windows}\n', ''))).not.toEqual([]);
  });
});
