import { describe, expect, it } from 'vitest';
import { podWithSecurityContexts } from '../../../test/helpers/kubernetesFixtures.js';
import { lintText } from '../engine.js';
import { pssRunAsNonRootUser } from './pss-run-as-non-root-user.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [pssRunAsNonRootUser] }).findings;

const pod = podWithSecurityContexts;

describe('kubernetes/pss-run-as-non-root-user', () => {
  it.each([
    ['no runAsUser', pod('{}', '{}')],
    ['a non-zero uid', pod('{runAsUser: 10001}', '{runAsUser: 1000}')],
  ])('admits %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['uid 0 on the pod', pod('{runAsUser: 0}', '{}'), [6]],
    ['uid 0 on the pod even when the container overrides it (the pod field itself is refused)', pod('{runAsUser: 0}', '{runAsUser: 1000}'), [6]],
    ['uid 0 on the container', pod('{runAsUser: 1000}', '{runAsUser: 0}'), [9]],
  ])('denies %s', (_name, text, lines) => {
    const findings = lint(text);
    expect(findings.map((f) => f.line)).toEqual(lines);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/pss-run-as-non-root-user', severity: 'error' });
  });
});
