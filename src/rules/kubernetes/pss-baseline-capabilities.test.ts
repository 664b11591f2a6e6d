import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { pssBaselineCapabilities } from './pss-baseline-capabilities.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [pssBaselineCapabilities] }).findings;

const pod = (add: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      securityContext:
        capabilities:
          add: ${add}
`;

describe('kubernetes/pss-baseline-capabilities', () => {
  it.each([
    ['the whole default set', '[AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT]'],
    ['an empty list', '[]'],
  ])('admits %s', (_name, add) => {
    expect(lint(pod(add))).toEqual([]);
  });

  it('admits a container that adds nothing', () => {
    expect(lint('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a}]\n')).toEqual([]);
  });

  it.each([
    ['SYS_ADMIN', '[SYS_ADMIN]'],
    ['NET_RAW (a runtime default, but not on the list)', '[NET_RAW]'],
    ['lower-case chown (names are compared exactly)', '[chown]'],
    ['CAP_CHOWN with the prefix', '[CAP_CHOWN]'],
  ])('denies %s', (_name, add) => {
    const findings = lint(pod(add));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/pss-baseline-capabilities', severity: 'error', line: 10 });
  });
});
