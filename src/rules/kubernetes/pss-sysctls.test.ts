import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { pssSysctls } from './pss-sysctls.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [pssSysctls] }).findings;

const pod = (sysctls: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    sysctls:
${sysctls}  containers: [{name: app}]
`;

describe('kubernetes/pss-sysctls', () => {
  it.each([
    ['net.ipv4.ip_unprivileged_port_start'],
    ['kernel.shm_rmid_forced'],
    ['net.ipv4.ip_local_reserved_ports'],
    ['net.ipv4.tcp_keepalive_time'],
    ['net.ipv4.tcp_keepalive_probes'],
  ])('admits the safe sysctl %s', (name) => {
    expect(lint(pod(`      - {name: ${name}, value: "1"}\n`))).toEqual([]);
  });

  it('denies an unsafe sysctl at its line, and only that one', () => {
    const findings = lint(pod('      - {name: net.ipv4.tcp_syncookies, value: "1"}\n      - {name: kernel.msgmax, value: "65536"}\n'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/pss-sysctls', severity: 'error', line: 9 });
    expect(findings[0]?.message).toContain('kernel.msgmax');
  });
});
