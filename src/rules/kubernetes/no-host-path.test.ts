import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noHostPath } from './no-host-path.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [noHostPath] }).findings;

const pod = (volumes: string) => `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  containers:
    - name: app
  volumes:
${volumes}`;

describe('kubernetes/no-host-path', () => {
  it.each([
    ['emptyDir, configMap and a PVC', pod('    - {name: a, emptyDir: {}}\n    - {name: b, configMap: {name: c}}\n    - {name: d, persistentVolumeClaim: {claimName: e}}\n')],
    ['a sensitive path (its own rule reports it as an error)', pod('    - {name: a, hostPath: {path: /etc}}\n')],
    ['the docker socket (its own rule)', pod('    - {name: a, hostPath: {path: /var/run/docker.sock}}\n')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it('warns on an ordinary hostPath at its path', () => {
    const findings = lint(pod('    - name: logs\n      hostPath:\n        path: /var/log\n'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/no-host-path', severity: 'warning', line: 11 });
    expect(findings[0]?.message).toContain('"logs"');
  });
});
