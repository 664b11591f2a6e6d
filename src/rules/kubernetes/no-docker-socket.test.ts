import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noDockerSocket } from './no-docker-socket.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [noDockerSocket] }).findings;

const pod = (hostPath: string) => `apiVersion: v1
kind: Pod
metadata:
  name: builder
spec:
  containers:
    - name: app
  volumes:
    - name: sock
      hostPath:
        path: ${hostPath}
`;

describe('kubernetes/no-docker-socket', () => {
  it.each([
    ['an emptyDir', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a}]\n  volumes: [{name: tmp, emptyDir: {}}]\n'],
    ['another hostPath (other rules judge it)', pod('/var/log')],
    ['a path that only looks similar', pod('/srv/docker.sock.bak')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['/var/run/docker.sock'],
    ['/run/docker.sock'],
    ['/var/run/docker.sock/'],
    ['//var/run//docker.sock'],
    ['/run/containerd/containerd.sock'],
    ['/var/run/containerd'],
    ['/var/run/crio/crio.sock'],
  ])('flags %s at the path line', (path) => {
    const findings = lint(pod(path));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/no-docker-socket', severity: 'error', item: 'runtime.no-docker-socket', line: 11 });
  });

  it('checks volumes of workload templates', () => {
    const text = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  template:\n    spec:\n      containers: [{name: a}]\n      volumes:\n        - name: s\n          hostPath: {path: /var/run/docker.sock, type: Socket}\n';
    expect(lint(text).map((f) => f.line)).toEqual([10]);
  });
});
