import { describe, expect, it } from 'vitest';
import { windowsPod } from '../../../test/helpers/kubernetesFixtures.js';
import { lintText } from '../engine.js';
import { noPrivilegeEscalation } from './no-privilege-escalation.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [noPrivilegeEscalation] }).findings;

const pod = (containerContext: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.2
      securityContext: ${containerContext}
${extra}`;

describe('kubernetes/no-privilege-escalation', () => {
  it('passes allowPrivilegeEscalation: false', () => {
    expect(lint(pod('{allowPrivilegeEscalation: false}'))).toEqual([]);
  });

  it.each([
    ['an absent field (absent means true)', pod('{}'), 7, 'unset means true'],
    ['an explicit true', pod('{allowPrivilegeEscalation: true}'), 9, 'must be false'],
    ['a quoted "false", which is a string, not a boolean', pod('{allowPrivilegeEscalation: "false"}'), 9, 'must be false'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/no-privilege-escalation', severity: 'error', line });
    expect(findings[0]?.message).toContain(message);
  });

  it('is not satisfied by a pod-level setting (the field exists only on containers)', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {allowPrivilegeEscalation: false}\n  containers:\n    - name: app\n`;
    expect(lint(text).map((f) => f.line)).toEqual([7]);
  });

  it('checks init and ephemeral containers', () => {
    const text = pod('{allowPrivilegeEscalation: false}', '  initContainers:\n    - name: init\n  ephemeralContainers:\n    - name: debug\n      securityContext: {allowPrivilegeEscalation: false}\n');
    expect(lint(text).map((f) => f.line)).toEqual([11]);
  });

  it('leaves a Windows pod alone: the API server refuses this Linux-only field there', () => {
    expect(lint(windowsPod)).toEqual([]);
    expect(lint(windowsPod.replace('  os: {name: windows}\n', ''))).not.toEqual([]);
  });
});
