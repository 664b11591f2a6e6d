import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noSensitiveHostPath } from './no-sensitive-host-path.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [noSensitiveHostPath] }).findings;

const pod = (hostPath: string) => `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  containers:
    - name: app
  volumes:
    - name: host
      hostPath:
        path: ${hostPath}
`;

describe('kubernetes/no-sensitive-host-path', () => {
  it.each([
    ['/var/log (a log collector\'s usual mount)', '/var/log'],
    ['/etc/ssl/certs (below /etc, but only CA certificates)', '/etc/ssl/certs'],
    ['/data/app', '/data/app'],
    ['the docker socket (its own rule reports it)', '/var/run/docker.sock'],
  ])('leaves %s to other rules', (_name, path) => {
    expect(lint(pod(path))).toEqual([]);
  });

  it.each([
    ['/'],
    ['/etc'],
    ['/etc/'],
    ['/proc'],
    ['/proc/1/root'],
    ['/sys/fs/cgroup'],
    ['/var/run'],
    ['/run'],
    ['/var/lib/kubelet'],
    ['/var/lib/kubelet/pods'],
    ['/etc/kubernetes/pki'],
    ['/root/.ssh'],
    ['/var/log/../../etc'],
  ])('flags %s', (path) => {
    const findings = lint(pod(path));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/no-sensitive-host-path', severity: 'error', line: 11 });
  });

  it('says what the directory gives away', () => {
    expect(lint(pod('/var/lib/kubelet'))[0]?.message).toContain('kubelet');
  });

  it('treats a hostPath without a path as the worst case', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a}]\n  volumes:\n    - name: h\n      hostPath: {}\n';
    expect(lint(text).map((f) => f.line)).toEqual([7]);
  });
});
