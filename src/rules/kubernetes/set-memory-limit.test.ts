import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { setMemoryLimit } from './set-memory-limit.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [setMemoryLimit] }).findings;

const pod = (resources: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      resources: ${resources}
${extra}`;

describe('kubernetes/set-memory-limit', () => {
  it.each([
    ['a memory limit', pod('{limits: {memory: 256Mi}}')],
    ['a memory limit with other figures', pod('{requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 500m, memory: 256Mi}}')],
    ['an ephemeral container without resources (it cannot have any)', pod('{limits: {memory: 256Mi}}', '  ephemeralContainers:\n    - name: debug\n')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['no resources', pod('{}'), 7],
    ['a memory request but no limit', pod('{requests: {memory: 128Mi}}'), 7],
    ['a CPU limit only', pod('{limits: {cpu: 500m}}'), 8],
  ])('warns on %s', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/set-memory-limit', severity: 'warning', item: 'k8s.resources', line });
  });

  it('checks init containers', () => {
    expect(lint(pod('{limits: {memory: 256Mi}}', '  initContainers:\n    - name: migrate\n')).map((f) => f.line)).toEqual([10]);
  });
});
