import { describe, expect, it } from 'vitest';
import { podWithSecurityContexts, windowsPod } from '../../../test/helpers/kubernetesFixtures.js';
import { lintText } from '../engine.js';
import { seccompRuntimeDefault } from './seccomp-runtime-default.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [seccompRuntimeDefault] }).findings;

const pod = podWithSecurityContexts;

describe('kubernetes/seccomp-runtime-default', () => {
  it.each([
    ['RuntimeDefault on the pod', pod('{seccompProfile: {type: RuntimeDefault}}', '{}')],
    ['RuntimeDefault on the container', pod('{}', '{seccompProfile: {type: RuntimeDefault}}')],
    ['a Localhost profile', pod('{seccompProfile: {type: Localhost, localhostProfile: profiles/app.json}}', '{}')],
    ['the container fixing an Unconfined pod', pod('{seccompProfile: {type: Unconfined}}', '{seccompProfile: {type: RuntimeDefault}}')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['no profile anywhere', pod('{}', '{}'), 8, 'no seccomp profile'],
    ['Unconfined on the pod', pod('{seccompProfile: {type: Unconfined}}', '{}'), 6, 'Unconfined'],
    ['the container overriding a good pod profile with Unconfined', pod('{seccompProfile: {type: RuntimeDefault}}', '{seccompProfile: {type: Unconfined}}'), 9, 'Unconfined'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/seccomp-runtime-default', severity: 'warning', line });
    expect(findings[0]?.message).toContain(message);
  });

  it('leaves a Windows pod alone: the API server refuses this Linux-only field there', () => {
    expect(lint(windowsPod)).toEqual([]);
    expect(lint(windowsPod.replace('  os: {name: windows}\n', ''))).not.toEqual([]);
  });
});
