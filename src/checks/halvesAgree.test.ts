/**
 * The static and runtime halves judge one compose service the same way: the rules and the
 * runtime translation read the one parsed model (LearnerModel), and the translation resolves
 * merge keys, `extends` and compose's scalar spellings as the rules do.
 */
import { describe, expect, it } from 'vitest';
import { fromCompose } from '../runtime/settings/fromCompose.js';
import { LearnerModel } from './learnerModel.js';
import { runStaticChecks } from './staticChecks.js';

function judge(compose: string, rules: string[]) {
  const learner = new LearnerModel(new Map([['compose.yaml', compose]]));
  const checks = runStaticChecks({ files: ['compose.yaml'], checks: { static: rules.map((rule) => ({ rule, points: 1 })) } }, learner);
  const parsed = learner.parse('compose.yaml', 'compose');
  if (parsed.state !== 'parsed') throw new Error('the fixture must parse');
  return { passed: Object.fromEntries(checks.map((check) => [check.id, check.passed])), settings: fromCompose(parsed.model, 'web') };
}

const hardening = ['compose/read-only-rootfs', 'compose/drop-all-capabilities', 'compose/no-new-privileges', 'compose/no-root-user'];

describe('one compose service, judged the same way by both halves', () => {
  it.each([
    [
      'settings merged in with <<',
      'x-hardening: &hardening\n  read_only: true\n  cap_drop: [ALL]\n  security_opt: ["no-new-privileges:true"]\n  user: "10001"\nservices:\n  web:\n    <<: *hardening\n    build: .\n',
    ],
    [
      'settings from an extended service',
      'services:\n  base:\n    read_only: true\n    cap_drop: [ALL]\n    security_opt: ["no-new-privileges:true"]\n    user: "10001"\n  web:\n    extends: base\n    build: .\n',
    ],
    [
      'settings from an extended service that merges its own defaults',
      'x-base: &base\n  read_only: "true"\n  cap_drop: [ALL]\nservices:\n  base:\n    <<: *base\n    security_opt: ["no-new-privileges:true"]\n    user: "10001"\n  web:\n    extends: { service: base }\n',
    ],
  ])('%s: the rules pass, and the container gets them', (_name, compose) => {
    const { passed, settings } = judge(compose, hardening);
    expect(passed).toEqual(Object.fromEntries(hardening.map((rule) => [rule, true])));
    expect(settings.invalid).toEqual([]);
    expect(settings).toMatchObject({ user: '10001', host: { ReadonlyRootfs: true, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges'] } });
  });

  it('a sequence from the base and one of the service are both applied, as compose concatenates them', () => {
    const { passed, settings } = judge('services:\n  base:\n    cap_drop: [ALL]\n  web:\n    extends: base\n    cap_drop: [NET_RAW]\n', ['compose/drop-all-capabilities']);
    expect(passed['compose/drop-all-capabilities']).toBe(true);
    expect(settings.host.CapDrop).toEqual(['ALL', 'NET_RAW']);
  });

  it.each([
    ['read_only: "true"', 'read_only: "true"', true],
    ['read_only: yes', 'read_only: yes', true],
    ['read_only: "false"', 'read_only: "false"', false],
    ['no read_only at all', 'init: true', false],
  ])('%s: the rule and the runtime agree', (_name, line, readOnly) => {
    const { passed, settings } = judge(`services:\n  web:\n    build: .\n    ${line}\n`, ['compose/read-only-rootfs']);
    expect(passed['compose/read-only-rootfs']).toBe(readOnly);
    expect(settings.host.ReadonlyRootfs === true).toBe(readOnly);
  });

  it('privileged: "yes" fails the rule and is refused by the runtime', () => {
    const { passed, settings } = judge('services:\n  web:\n    privileged: "yes"\n', ['compose/no-privileged']);
    expect(passed['compose/no-privileged']).toBe(false);
    expect(settings.refusals.map((r) => r.setting)).toContain('privileged');
  });

  it('privileged inherited through extends is refused by the runtime too', () => {
    const { settings } = judge('services:\n  base:\n    privileged: true\n  web:\n    extends: base\n', []);
    expect(settings.refusals.map((r) => r.setting)).toContain('privileged');
  });

  it('cpu_quota counts as a CPU limit for both halves', () => {
    const { passed, settings } = judge('services:\n  web:\n    cpu_quota: 50000\n', ['compose/cpu-limit']);
    expect(passed['compose/cpu-limit']).toBe(true);
    expect(settings.host).toMatchObject({ CpuQuota: 50000, CpuPeriod: 100000 });
  });

  it('cgroup: host and device_cgroup_rules fail the rules and are refused by the runtime', () => {
    const { passed, settings } = judge('services:\n  web:\n    cgroup: host\n    device_cgroup_rules: ["c 1:3 mr"]\n', ['compose/no-host-namespaces', 'compose/no-host-devices']);
    expect(passed).toEqual({ 'compose/no-host-namespaces': false, 'compose/no-host-devices': false });
    expect(settings.refusals.map((r) => r.setting)).toEqual(expect.arrayContaining(['cgroup: host', 'device_cgroup_rules: c 1:3 mr']));
  });

  it('a base in another file: the rules cannot see it, and the runtime says it cannot run it', () => {
    const { settings } = judge('services:\n  web:\n    extends: { file: common.yaml, service: base }\n', []);
    expect(settings.invalid).toEqual([{ setting: 'extends: base in common.yaml', reason: expect.stringMatching(/shipshape reads only compose\.yaml/) }]);
  });
});

describe('one Kubernetes container, judged the same way by both halves', () => {
  it('pod-level and container-level security contexts combine for the rules and the runtime alike', async () => {
    const { fromKubernetes } = await import('../runtime/settings/fromKubernetes.js');
    const manifest = [
      'apiVersion: v1', 'kind: Pod', 'metadata: { name: web }', 'spec:',
      '  securityContext: { runAsNonRoot: true, runAsUser: 10001 }',
      '  containers:', '    - name: web', '      image: app:1.0.0',
      '      securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }', '',
    ].join('\n');
    const learner = new LearnerModel(new Map([['pod.yaml', manifest]]));
    const rules = ['kubernetes/run-as-non-root', 'kubernetes/read-only-root-filesystem', 'kubernetes/drop-all-capabilities', 'kubernetes/no-privilege-escalation'];
    const checks = runStaticChecks({ files: ['pod.yaml'], checks: { static: rules.map((rule) => ({ rule, points: 1 })) } }, learner);
    expect(checks.map((check) => [check.id, check.passed])).toEqual(rules.map((rule) => [rule, true]));
    const parsed = learner.parse('pod.yaml', 'kubernetes');
    if (parsed.state !== 'parsed') throw new Error('the fixture must parse');
    const settings = fromKubernetes(parsed.model, 'web');
    expect(settings).toMatchObject({ requireNonRoot: true, user: '10001', host: { ReadonlyRootfs: true, CapDrop: ['ALL'], SecurityOpt: expect.arrayContaining(['no-new-privileges']) } });
  });
});
