import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noHostPath } from './no-host-path.js';
import { noSensitiveHostPath } from './no-sensitive-host-path.js';

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
    const findings = lint(pod('    - name: data\n      hostPath:\n        path: /srv/data\n'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/no-host-path', severity: 'warning', line: 11 });
    expect(findings[0]?.message).toContain('"data"');
  });
});

describe('kubernetes/no-host-path and no-sensitive-host-path on node system trees', () => {
  const agent = (readOnly: boolean) => `apiVersion: v1\nkind: Pod\nmetadata: {name: exporter}\nspec:\n  containers:\n    - name: exporter\n      volumeMounts:\n        - {name: modules, mountPath: /lib/modules, readOnly: ${readOnly}}\n  volumes:\n    - name: modules\n      hostPath: {path: /lib/modules}\n`;
  const both = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [noHostPath, noSensitiveHostPath] }).findings;

  it('notes a read-only mount of kernel modules (a monitoring agent) as info', () => {
    const findings = both(agent(true));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['kubernetes/no-host-path', 'info']]);
    expect(findings[0]?.message).toContain('read-only');
  });

  it('makes a writable mount of kernel modules an error', () => {
    const findings = both(agent(false));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['kubernetes/no-sensitive-host-path', 'error']]);
    expect(findings[0]?.message).toContain('writable: kernel modules');
  });
});
