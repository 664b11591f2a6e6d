import { describe, expect, it } from 'vitest';
import { podWithSecurityContexts } from '../../../test/helpers/kubernetesFixtures.js';
import { lintText } from '../engine.js';
import { pssSelinux } from './pss-selinux.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [pssSelinux] }).findings;

const pod = podWithSecurityContexts;

describe('kubernetes/pss-selinux', () => {
  it.each([
    ['no options', pod('{}', '{}')],
    ['container_t with a level', pod('{seLinuxOptions: {type: container_t, level: "s0:c123,c456"}}', '{}')],
    ['container_init_t, container_kvm_t and container_engine_t', pod('{seLinuxOptions: {type: container_init_t}}', '{seLinuxOptions: {type: container_kvm_t}}')],
    ['container_engine_t', pod('{}', '{seLinuxOptions: {type: container_engine_t}}')],
    ['empty user and role', pod('{seLinuxOptions: {user: "", role: ""}}', '{}')],
  ])('admits %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['spc_t on the pod', pod('{seLinuxOptions: {type: spc_t}}', '{}'), [6]],
    ['a user on the container', pod('{}', '{seLinuxOptions: {user: system_u}}'), [9]],
    ['a role and a bad type together', pod('{}', '{seLinuxOptions: {role: sysadm_r, type: unconfined_t}}'), [9, 9]],
  ])('denies %s', (_name, text, lines) => {
    const findings = lint(text);
    expect(findings.map((f) => f.line)).toEqual(lines);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/pss-selinux', severity: 'error' });
  });
});
