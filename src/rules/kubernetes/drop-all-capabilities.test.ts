import { describe, expect, it } from 'vitest';
import { windowsPod } from '../../../test/helpers/kubernetesFixtures.js';
import { lintText } from '../engine.js';
import { dropAllCapabilities } from './drop-all-capabilities.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [dropAllCapabilities] }).findings;

const pod = (containerContext: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.2
      securityContext:
        capabilities: ${containerContext}
`;

describe('kubernetes/drop-all-capabilities', () => {
  it.each([
    ['drop ALL', pod('{drop: [ALL]}')],
    ['drop ALL and add NET_BIND_SERVICE (another rule judges add)', pod('{drop: [ALL], add: [NET_BIND_SERVICE]}')],
    ['ALL among other names', pod('{drop: [NET_RAW, ALL]}')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['no capabilities at all', pod('{}'), 7, 'does not drop'],
    ['drop: [NET_RAW] only', pod('{drop: [NET_RAW]}'), 10, 'drops only NET_RAW'],
    ['an empty drop list', pod('{drop: []}'), 10, 'drops only nothing'],
    ['lower-case all, which admission does not accept', pod('{drop: [all]}'), 10, 'only accepts "ALL" in upper case'],
    ['mixed-case All', pod('{drop: [All]}'), 10, 'compares capability names'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/drop-all-capabilities', severity: 'error', line });
    expect(findings[0]?.message).toContain(message);
  });

  it('does not take a pod-level capabilities block (it does not exist) as dropping', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {capabilities: {drop: [ALL]}}\n  containers:\n    - name: app\n';
    expect(lint(text).map((f) => f.line)).toEqual([7]);
  });

  it('leaves a Windows pod alone: the API server refuses this Linux-only field there', () => {
    expect(lint(windowsPod)).toEqual([]);
    expect(lint(windowsPod.replace('  os: {name: windows}\n', ''))).not.toEqual([]);
  });
});
