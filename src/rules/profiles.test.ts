import { describe, expect, it } from 'vitest';
import { lintText } from './engine.js';
import { findProfile, findProfileRules, profileNames, profiles } from './profiles.js';
import { allRules, profileRules } from './registry.js';

type Verdict = 'admitted' | 'denied';

/** What the named Pod Security level would say about this manifest, through our rules. */
function verdict(profile: 'pss-baseline' | 'pss-restricted', text: string): Verdict {
  const result = lintText(text, 'pod.yaml', 'kubernetes', { rules: findProfile(profile)!.rules, honourSuppressions: false });
  expect(result.parseError).toBeUndefined();
  return result.findings.length === 0 ? 'admitted' : 'denied';
}

/** A pod with the given pod-level fields and container fields (YAML lines, indented for their place). */
const pod = ({ spec = '', podContext = '{}', container = '', os = '' }: { spec?: string; podContext?: string; container?: string; os?: string }) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${os}  securityContext: ${podContext}
${spec}  containers:
    - name: app
      image: nginx:1.27.2
${container}`;

const hardenedContainer = [
  '      securityContext:',
  '        allowPrivilegeEscalation: false',
  '        capabilities: {drop: [ALL]}',
  '',
].join('\n');
const hardenedPod = '{runAsNonRoot: true, runAsUser: 10001, seccompProfile: {type: RuntimeDefault}}';
const hardened = (overrides: { spec?: string; container?: string; podContext?: string } = {}) =>
  pod({ podContext: hardenedPod, container: hardenedContainer, ...overrides });

// The verdicts Kubernetes' own Pod Security admission gives for these pods.
const table: [string, string, Verdict, Verdict][] = [
  ['a default nginx pod', pod({}), 'admitted', 'denied'],
  ['a fully hardened pod', hardened(), 'admitted', 'admitted'],
  ['a hardened pod with emptyDir, configMap and projected volumes', hardened({ spec: '  volumes:\n    - {name: tmp, emptyDir: {}}\n    - {name: cfg, configMap: {name: c}}\n    - {name: token, projected: {sources: []}}\n' }), 'admitted', 'admitted'],
  ['a hardened pod adding NET_BIND_SERVICE', hardened({ container: hardenedContainer.replace('{drop: [ALL]}', '{drop: [ALL], add: [NET_BIND_SERVICE]}') }), 'admitted', 'admitted'],
  ['hostNetwork', pod({ spec: '  hostNetwork: true\n' }), 'denied', 'denied'],
  ['hostPID on an otherwise hardened pod', hardened({ spec: '  hostPID: true\n' }), 'denied', 'denied'],
  ['a privileged container', pod({ container: '      securityContext: {privileged: true}\n' }), 'denied', 'denied'],
  ['adding NET_ADMIN', pod({ container: '      securityContext: {capabilities: {add: [NET_ADMIN]}}\n' }), 'denied', 'denied'],
  ['a hardened pod adding CHOWN', hardened({ container: hardenedContainer.replace('{drop: [ALL]}', '{drop: [ALL], add: [CHOWN]}') }), 'admitted', 'denied'],
  ['a hostPath volume', hardened({ spec: '  volumes: [{name: h, hostPath: {path: /var/log}}]\n' }), 'denied', 'denied'],
  ['a hardened pod with an NFS volume', hardened({ spec: '  volumes: [{name: n, nfs: {server: nfs.local, path: /export}}]\n' }), 'admitted', 'denied'],
  ['a hostPort', hardened({ container: `${hardenedContainer}      ports: [{containerPort: 8080, hostPort: 8080}]\n` }), 'denied', 'denied'],
  ['seccomp Unconfined', pod({ podContext: '{seccompProfile: {type: Unconfined}}' }), 'denied', 'denied'],
  ['an unconfined AppArmor profile', pod({ container: '      securityContext: {appArmorProfile: {type: Unconfined}}\n' }), 'denied', 'denied'],
  ['SELinux type spc_t', pod({ podContext: '{seLinuxOptions: {type: spc_t}}' }), 'denied', 'denied'],
  ['procMount Unmasked', pod({ container: '      securityContext: {procMount: Unmasked}\n' }), 'denied', 'denied'],
  ['an unsafe sysctl', pod({ podContext: '{sysctls: [{name: kernel.msgmax, value: "65536"}]}' }), 'denied', 'denied'],
  ['a safe sysctl on a hardened pod', hardened({ podContext: '{runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}, sysctls: [{name: net.ipv4.ip_unprivileged_port_start, value: "80"}]}' }), 'admitted', 'admitted'],
  ['a hardened pod running as uid 0', hardened({ podContext: hardenedPod.replace('runAsUser: 10001', 'runAsUser: 0') }), 'admitted', 'denied'],
  ['a hardened pod without runAsNonRoot', hardened({ podContext: '{runAsUser: 10001, seccompProfile: {type: RuntimeDefault}}' }), 'admitted', 'denied'],
  ['a hardened pod without a seccomp profile', hardened({ podContext: '{runAsNonRoot: true}' }), 'admitted', 'denied'],
  ['a hardened pod whose init container allows escalation', hardened({ spec: '  initContainers: [{name: init, securityContext: {capabilities: {drop: [ALL]}}}]\n' }), 'admitted', 'denied'],
  ['a Windows pod requiring non-root (Linux-only controls do not apply)', pod({ os: '  os: {name: windows}\n', podContext: '{runAsNonRoot: true}' }), 'admitted', 'admitted'],
  ['a Windows HostProcess pod', pod({ os: '  os: {name: windows}\n', podContext: '{windowsOptions: {hostProcess: true}, runAsNonRoot: true}', spec: '  hostNetwork: true\n' }), 'denied', 'denied'],
];

describe('Pod Security Standards profiles', () => {
  it.each(table)('%s: baseline %s, restricted %s', (_name, text, baseline, restricted) => {
    expect(verdict('pss-baseline', text)).toBe(baseline);
    expect(verdict('pss-restricted', text)).toBe(restricted);
  });

  it('judges workload templates as admission warns on them', () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      hostIPC: true\n      containers: [{name: app, image: nginx:1.27.2}]\n';
    expect(verdict('pss-baseline', deployment)).toBe('denied');
  });

  it('reports a restricted mistake once, not again through the baseline control it replaces', () => {
    const text = hardened({ spec: '  volumes: [{name: h, hostPath: {path: /var/log}}]\n' });
    const findings = lintText(text, 'pod.yaml', 'kubernetes', { rules: findProfile('pss-restricted')!.rules }).findings;
    expect(findings.map((f) => f.rule)).toEqual(['kubernetes/pss-volume-types']);
  });

  it('makes restricted the baseline controls plus its own, minus the three it replaces', () => {
    const restricted = new Set(profiles['pss-restricted']);
    const dropped = profiles['pss-baseline'].filter((id) => !restricted.has(id));
    expect(dropped.sort()).toEqual(['kubernetes/pss-baseline-capabilities', 'kubernetes/pss-baseline-seccomp', 'kubernetes/pss-host-path-volumes']);
    expect(profiles['pss-baseline']).toHaveLength(12);
    expect(profiles['pss-restricted']).toHaveLength(15);
  });

  it('uses every profile rule, and only profile rules', () => {
    const used = new Set(Object.values(profiles).flat());
    expect([...used].sort()).toEqual(profileRules.map((rule) => rule.meta.id).sort());
    for (const id of used) expect(allRules.some((rule) => rule.meta.id === id)).toBe(false);
  });

  it('finds a profile with or without the pss- prefix, and refuses unknown names', () => {
    expect(findProfile('restricted')?.name).toBe('pss-restricted');
    expect(findProfile('PSS-Baseline')?.ruleIds).toEqual(profiles['pss-baseline']);
    expect(findProfile('privileged')).toBeUndefined();
    expect(findProfile('')).toBeUndefined();
    expect(findProfileRules('pss-baseline')?.map((rule) => rule.meta.id)).toEqual(profiles['pss-baseline']);
    expect(findProfileRules('strict')).toBeUndefined();
    expect(profileNames).toEqual(['pss-baseline', 'pss-restricted']);
  });
});
