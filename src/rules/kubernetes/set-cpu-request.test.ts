import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { setCpuRequest } from './set-cpu-request.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [setCpuRequest] }).findings;

const pod = (resources: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      resources: ${resources}
`;

describe('kubernetes/set-cpu-request', () => {
  it.each([
    ['a CPU request', pod('{requests: {cpu: 100m}}')],
    ['a CPU limit alone (the request defaults to it)', pod('{limits: {cpu: 500m}}')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['no resources', pod('{}'), 7],
    ['memory figures only', pod('{requests: {memory: 128Mi}, limits: {memory: 256Mi}}'), 8],
  ])('reports %s as info', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/set-cpu-request', severity: 'info', item: 'k8s.resources', line });
  });
});
