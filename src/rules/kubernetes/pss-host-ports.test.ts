import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { pssHostPorts } from './pss-host-ports.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [pssHostPorts] }).findings;

const pod = (ports: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      ports: ${ports}
`;

describe('kubernetes/pss-host-ports', () => {
  it.each([['[{containerPort: 8080}]'], ['[{containerPort: 8080, hostPort: 0}]']])('admits %s', (ports) => {
    expect(lint(pod(ports))).toEqual([]);
  });

  it('denies a non-zero hostPort', () => {
    const findings = lint(pod('[{containerPort: 8080, hostPort: 8080}]'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/pss-host-ports', severity: 'error', line: 8 });
  });
});
