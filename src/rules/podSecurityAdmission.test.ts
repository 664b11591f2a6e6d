/**
 * Agreement with Pod Security admission, on pods written for this test from the published
 * standard and admission's versioned controls. Each row is a pod and the verdict admission gives
 * it at each level; the profiles must agree on every row at the latest version, and on the
 * pinned rows at the version named.
 */
import { describe, expect, it } from 'vitest';
import { lintText } from './engine.js';
import { profileByName } from './profiles.js';

type Verdict = 'admit' | 'deny';

function verdict(spec: string, text: string): Verdict {
  const lookup = profileByName(spec);
  if (!lookup.ok) throw new Error(lookup.error);
  const result = lintText(text, 'pod.yaml', 'kubernetes', { rules: lookup.profile.rules, honourSuppressions: false });
  expect(result.parseError).toBeUndefined();
  return result.findings.length === 0 ? 'admit' : 'deny';
}

/** `key: value` lines, later ones replacing earlier ones of the same key (YAML refuses duplicates). */
function merge(...groups: string[][]): string[] {
  const byKey = new Map<string, string>();
  for (const line of groups.flat()) byKey.set(line.slice(0, line.indexOf(':')), line);
  return [...byKey.values()];
}

/** A pod that restricted admits at every version from 1.25 on, with room to change one thing. */
function pod({ spec = [] as string[], podContext = [] as string[], container = [] as string[], annotations = [] as string[], hardened = true } = {}): string {
  const podSecurity = merge(hardened ? ['runAsNonRoot: true', 'runAsUser: 10001', 'seccompProfile: {type: RuntimeDefault}'] : [], podContext);
  const containerSecurity = merge(hardened ? ['allowPrivilegeEscalation: false', 'capabilities: {drop: [ALL]}'] : [], container.filter((line) => line.startsWith('sc.')).map((line) => line.slice(3)));
  const lines = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: fixture',
    ...(annotations.length > 0 ? ['  annotations:', ...annotations.map((line) => `    ${line}`)] : []),
    'spec:',
    ...spec.map((line) => `  ${line}`),
    ...(podSecurity.length > 0 ? ['  securityContext:', ...podSecurity.map((line) => `    ${line}`)] : []),
    '  containers:',
    '    - name: app',
    '      image: registry.example/app:2.4.1',
    ...(containerSecurity.length > 0 ? ['      securityContext:', ...containerSecurity.map((line) => `        ${line}`)] : []),
    ...container.filter((line) => !line.startsWith('sc.')).map((line) => `      ${line}`),
  ];
  return `${lines.join('\n')}\n`;
}

// [what, pod, baseline verdict, restricted verdict] at the latest version.
const latest: [string, string, Verdict, Verdict][] = [
  ['an unhardened default pod', pod({ hardened: false }), 'admit', 'deny'],
  ['a hardened pod', pod(), 'admit', 'admit'],
  ['hostNetwork', pod({ spec: ['hostNetwork: true'] }), 'deny', 'deny'],
  ['hostIPC: false written out', pod({ spec: ['hostIPC: false'] }), 'admit', 'admit'],
  ['a privileged container', pod({ container: ['sc.privileged: true'] }), 'deny', 'deny'],
  ['adding SYS_ADMIN', pod({ hardened: false, container: ['sc.capabilities: {add: [SYS_ADMIN]}'] }), 'deny', 'deny'],
  ['adding CHOWN without dropping ALL', pod({ hardened: false, container: ['sc.capabilities: {add: [CHOWN]}'] }), 'admit', 'deny'],
  ['a hostPath volume', pod({ spec: ['volumes: [{name: logs, hostPath: {path: /var/log}}]'] }), 'deny', 'deny'],
  ['an image volume', pod({ spec: ['volumes: [{name: models, image: {reference: registry.example/models:1.0.0}}]'] }), 'admit', 'admit'],
  ['an NFS volume', pod({ spec: ['volumes: [{name: share, nfs: {server: nfs.example, path: /export}}]'] }), 'admit', 'deny'],
  ['a hostPort', pod({ container: ['ports: [{containerPort: 8443, hostPort: 8443}]'] }), 'deny', 'deny'],
  ['hostPort 0', pod({ container: ['ports: [{containerPort: 8443, hostPort: 0}]'] }), 'admit', 'admit'],
  ['an AppArmor field Unconfined', pod({ container: ['sc.appArmorProfile: {type: Unconfined}'] }), 'deny', 'deny'],
  ['an AppArmor field Localhost', pod({ podContext: ['appArmorProfile: {type: Localhost, localhostProfile: k8s-app}'] }), 'admit', 'admit'],
  ['an AppArmor annotation unconfined', pod({ annotations: ['container.apparmor.security.beta.kubernetes.io/app: unconfined'] }), 'deny', 'deny'],
  ['an AppArmor annotation runtime/default', pod({ annotations: ['container.apparmor.security.beta.kubernetes.io/app: runtime/default'] }), 'admit', 'admit'],
  ['SELinux container_engine_t', pod({ podContext: ['seLinuxOptions: {type: container_engine_t}'] }), 'admit', 'admit'],
  ['SELinux spc_t', pod({ podContext: ['seLinuxOptions: {type: spc_t}'] }), 'deny', 'deny'],
  ['SELinux user set', pod({ podContext: ['seLinuxOptions: {user: system_u}'] }), 'deny', 'deny'],
  ['procMount Unmasked', pod({ container: ['sc.procMount: Unmasked'] }), 'deny', 'deny'],
  ['procMount Unmasked with hostUsers: false', pod({ spec: ['hostUsers: false'], container: ['sc.procMount: Unmasked'] }), 'admit', 'deny'],
  ['procMount Unmasked with hostUsers: true', pod({ spec: ['hostUsers: true'], container: ['sc.procMount: Unmasked'] }), 'deny', 'deny'],
  ['seccomp Unconfined on the pod', pod({ hardened: false, podContext: ['seccompProfile: {type: Unconfined}'] }), 'deny', 'deny'],
  ['no seccomp profile', pod({ hardened: false, podContext: ['runAsNonRoot: true'], container: ['sc.allowPrivilegeEscalation: false', 'sc.capabilities: {drop: [ALL]}'] }), 'admit', 'deny'],
  ['the sysctl net.ipv4.tcp_rmem (safe since 1.32)', pod({ podContext: ['sysctls: [{name: net.ipv4.tcp_rmem, value: "4096 87380 6291456"}]'] }), 'admit', 'admit'],
  ['the sysctl net.ipv4.tcp_notsent_lowat (safe since 1.37)', pod({ podContext: ['sysctls: [{name: net.ipv4.tcp_notsent_lowat, value: "16384"}]'] }), 'admit', 'admit'],
  ['the sysctl kernel.msgmax', pod({ podContext: ['sysctls: [{name: kernel.msgmax, value: "65536"}]'] }), 'deny', 'deny'],
  ['a liveness probe with a host', pod({ container: ['livenessProbe: {httpGet: {host: 169.254.169.254, path: /, port: 80}}'] }), 'deny', 'deny'],
  ['a preStop hook with a host', pod({ container: ['lifecycle: {preStop: {tcpSocket: {host: 10.0.0.1, port: 22}}}'] }), 'deny', 'deny'],
  ['a readiness probe without a host', pod({ container: ['readinessProbe: {httpGet: {path: /ready, port: 8080}}'] }), 'admit', 'admit'],
  ['runAsUser 0', pod({ podContext: ['runAsUser: 0'] }), 'admit', 'deny'],
  ['runAsUser 0 with hostUsers: false', pod({ spec: ['hostUsers: false'], podContext: ['runAsUser: 0'] }), 'admit', 'admit'],
  ['no runAsNonRoot with hostUsers: false', pod({ hardened: false, spec: ['hostUsers: false'], podContext: ['seccompProfile: {type: RuntimeDefault}'], container: ['sc.allowPrivilegeEscalation: false', 'sc.capabilities: {drop: [ALL]}'] }), 'admit', 'admit'],
  ['allowPrivilegeEscalation left unset', pod({ hardened: false, podContext: ['runAsNonRoot: true', 'seccompProfile: {type: RuntimeDefault}'], container: ['sc.capabilities: {drop: [ALL]}'] }), 'admit', 'deny'],
  ['adding NET_BIND_SERVICE after dropping ALL', pod({ hardened: false, podContext: ['runAsNonRoot: true', 'seccompProfile: {type: RuntimeDefault}'], container: ['sc.allowPrivilegeEscalation: false', 'sc.capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}'] }), 'admit', 'admit'],
  ['a Windows HostProcess pod', pod({ hardened: false, spec: ['os: {name: windows}', 'hostNetwork: true'], podContext: ['windowsOptions: {hostProcess: true}', 'runAsNonRoot: true'] }), 'deny', 'deny'],
  ['a Windows pod with runAsNonRoot only', pod({ hardened: false, spec: ['os: {name: windows}'], podContext: ['runAsNonRoot: true'] }), 'admit', 'admit'],
];

// [what, profile, pod, verdict]: behaviour that differs at a pinned version.
const pinned: [string, string, string, Verdict][] = [
  ['a probe host before the control existed (1.33)', 'pss-baseline@v1.33', pod({ container: ['livenessProbe: {httpGet: {host: 169.254.169.254, path: /, port: 80}}'] }), 'admit'],
  ['a probe host once it exists (1.34)', 'pss-baseline@v1.34', pod({ container: ['livenessProbe: {httpGet: {host: 169.254.169.254, path: /, port: 80}}'] }), 'deny'],
  ['procMount Unmasked with hostUsers: false before the relaxation (1.34)', 'pss-baseline@v1.34', pod({ spec: ['hostUsers: false'], container: ['sc.procMount: Unmasked'] }), 'deny'],
  ['runAsUser 0 with hostUsers: false before the relaxation (1.34)', 'pss-restricted@v1.34', pod({ spec: ['hostUsers: false'], podContext: ['runAsUser: 0'] }), 'deny'],
  ['net.ipv4.tcp_rmem before it was safe (1.31)', 'baseline@v1.31', pod({ podContext: ['sysctls: [{name: net.ipv4.tcp_rmem, value: "4096 87380 6291456"}]'] }), 'deny'],
  ['net.ipv4.tcp_keepalive_time at 1.29', 'pss-baseline@1.29', pod({ podContext: ['sysctls: [{name: net.ipv4.tcp_keepalive_time, value: "600"}]'] }), 'admit'],
  ['net.ipv4.tcp_keepalive_time at 1.28', 'pss-baseline@v1.28', pod({ podContext: ['sysctls: [{name: net.ipv4.tcp_keepalive_time, value: "600"}]'] }), 'deny'],
  ['SELinux container_engine_t before 1.31', 'pss-baseline@v1.30', pod({ podContext: ['seLinuxOptions: {type: container_engine_t}'] }), 'deny'],
  ['runAsUser 0 before the control (1.22)', 'pss-restricted@v1.22', pod({ podContext: ['runAsUser: 0'] }), 'admit'],
  ['CHOWN added under restricted before drop-ALL was required (1.21)', 'pss-restricted@v1.21', pod({ hardened: false, podContext: ['runAsNonRoot: true', 'seccompProfile: {type: RuntimeDefault}'], container: ['sc.allowPrivilegeEscalation: false', 'sc.capabilities: {add: [CHOWN]}'] }), 'admit'],
  ['SYS_ADMIN under restricted at 1.21 (baseline capabilities still apply)', 'pss-restricted@v1.21', pod({ container: ['sc.capabilities: {add: [SYS_ADMIN]}'] }), 'deny'],
  ['a Windows pod without drop ALL before the Windows exemption (1.24)', 'pss-restricted@v1.24', pod({ hardened: false, spec: ['os: {name: windows}'], podContext: ['runAsNonRoot: true'] }), 'deny'],
  ['a seccomp field Unconfined before fields counted (1.18)', 'pss-baseline@v1.18', pod({ hardened: false, podContext: ['seccompProfile: {type: Unconfined}'] }), 'admit'],
  ['a seccomp annotation unconfined at 1.18', 'pss-baseline@v1.18', pod({ hardened: false, annotations: ['seccomp.security.alpha.kubernetes.io/pod: unconfined'] }), 'deny'],
  ['a version newer than any known clamps to the newest', 'pss-baseline@v1.99', pod({ container: ['livenessProbe: {httpGet: {host: 10.0.0.1, port: 80}}'] }), 'deny'],
];

describe('Pod Security profiles agree with admission', () => {
  it.each(latest)('%s: baseline %s, restricted %s (latest)', (_what, text, baseline, restricted) => {
    expect(verdict('pss-baseline', text)).toBe(baseline);
    expect(verdict('pss-restricted@latest', text)).toBe(restricted);
  });

  it('agrees on every fixture at the latest version, for both levels', () => {
    const agreements = latest.filter(([, text, baseline, restricted]) => verdict('pss-baseline', text) === baseline && verdict('pss-restricted', text) === restricted);
    expect(agreements.length / latest.length).toBe(1);
    expect(latest.length).toBeGreaterThanOrEqual(35);
  });

  it.each(pinned)('%s (%s): %s', (_what, profile, text, expected) => {
    expect(verdict(profile, text)).toBe(expected);
  });
});

describe('profileByName', () => {
  it('resolves names, versions and latest', () => {
    const pinnedProfile = profileByName('pss-baseline@v1.25');
    expect(pinnedProfile.ok && pinnedProfile.profile).toMatchObject({ name: 'pss-baseline', level: 'baseline', version: 'v1.25', label: 'pss-baseline@v1.25' });
    const latestProfile = profileByName('restricted');
    expect(latestProfile.ok && latestProfile.profile).toMatchObject({ name: 'pss-restricted', version: 'v1.37', label: 'pss-restricted@latest' });
    expect(profileByName('PSS-Restricted@LATEST').ok).toBe(true);
  });

  it('leaves out controls a pinned version did not have', () => {
    const at133 = profileByName('pss-baseline@v1.33');
    const at121 = profileByName('pss-restricted@v1.21');
    expect(at133.ok && at133.profile.ruleIds).not.toContain('kubernetes/pss-host-probes');
    expect(at121.ok && at121.profile.ruleIds).toContain('kubernetes/pss-baseline-capabilities');
    expect(at121.ok && at121.profile.ruleIds).not.toContain('kubernetes/pss-restricted-capabilities');
  });

  it.each([
    ['pss-strict', 'unknown profile "pss-strict"'],
    ['privileged', 'unknown profile "privileged"'],
    ['', 'unknown profile ""'],
    ['pss-baseline@v2.0', 'not a Kubernetes minor version'],
    ['pss-baseline@v1.30.1', 'not a Kubernetes minor version'],
    ['pss-baseline@', 'not a Kubernetes minor version'],
    ['pss-baseline@v1.30@v1.31', 'more than one @version'],
  ])('refuses %j with a clear error', (spec, message) => {
    const lookup = profileByName(spec);
    expect(lookup.ok).toBe(false);
    expect(!lookup.ok && lookup.error).toContain(message);
  });
});
