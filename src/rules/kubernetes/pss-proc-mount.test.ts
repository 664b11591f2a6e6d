import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { pssProcMount } from './pss-proc-mount.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [pssProcMount] }).findings;

const pod = (context: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: init
      securityContext: ${context}
  containers: [{name: app}]
`;

describe('kubernetes/pss-proc-mount', () => {
  it.each([['{}'], ['{procMount: Default}']])('admits %s', (context) => {
    expect(lint(pod(context))).toEqual([]);
  });

  it('denies procMount: Unmasked', () => {
    const findings = lint(pod('{procMount: Unmasked}'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/pss-proc-mount', severity: 'error', line: 8 });
  });
});
