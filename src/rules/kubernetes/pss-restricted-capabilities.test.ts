import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { pssRestrictedCapabilities } from './pss-restricted-capabilities.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [pssRestrictedCapabilities] }).findings;

const pod = (os: string, capabilities: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${os}  containers:
    - name: app
      securityContext:
        capabilities: ${capabilities}
`;

describe('kubernetes/pss-restricted-capabilities', () => {
  it.each([
    ['drop ALL', pod('', '{drop: [ALL]}')],
    ['drop ALL, add NET_BIND_SERVICE', pod('', '{drop: [ALL], add: [NET_BIND_SERVICE]}')],
    ['a Windows pod (the control is Linux only)', pod('  os: {name: windows}\n', '{}')],
  ])('admits %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['no drop', pod('', '{}'), [7]],
    ['drop: [NET_RAW]', pod('', '{drop: [NET_RAW]}'), [9]],
    ['lower-case all (compared exactly)', pod('', '{drop: [all]}'), [9]],
    ['drop ALL but add CHOWN (allowed at baseline, not here)', pod('', '{drop: [ALL], add: [CHOWN]}'), [9]],
    ['no drop and an added SYS_ADMIN', pod('', '{add: [SYS_ADMIN]}'), [7, 9]],
  ])('denies %s', (_name, text, lines) => {
    const findings = lint(text);
    expect(findings.map((f) => f.line)).toEqual(lines);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/pss-restricted-capabilities', severity: 'error', references: ['pss:restricted'] });
  });
});
