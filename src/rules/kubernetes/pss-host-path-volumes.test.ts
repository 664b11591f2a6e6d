import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { pssHostPathVolumes } from './pss-host-path-volumes.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [pssHostPathVolumes] }).findings;

const pod = (volumes: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers: [{name: app}]
  volumes:
${volumes}`;

describe('kubernetes/pss-host-path-volumes', () => {
  it('admits other volume types', () => {
    expect(lint(pod('    - {name: a, emptyDir: {}}\n    - {name: b, nfs: {server: s, path: /x}}\n'))).toEqual([]);
  });

  it('denies any hostPath, even a harmless-looking read-only one', () => {
    const findings = lint(pod('    - name: logs\n      hostPath: {path: /var/log/app, type: Directory}\n'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/pss-host-path-volumes', severity: 'error', line: 9 });
  });
});
