import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { pssHostProbes } from './pss-host-probes.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [pssHostProbes] }).findings;
const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.2\n${container}`;

describe('kubernetes/pss-host-probes', () => {
  it.each([
    ['probes without a host', pod('      livenessProbe: {httpGet: {path: /healthz, port: 8080}}\n      readinessProbe: {tcpSocket: {port: 8080}}\n')],
    ['an empty host', pod('      livenessProbe: {httpGet: {host: "", port: 8080}}\n')],
    ['an exec probe', pod('      startupProbe: {exec: {command: [cat, /tmp/ready]}}\n')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['an httpGet liveness probe to the metadata address', pod('      livenessProbe:\n        httpGet: {host: 169.254.169.254, path: /latest/meta-data/, port: 80}\n'), 'livenessProbe.httpGet.host'],
    ['a tcpSocket readiness probe to another host', pod('      readinessProbe: {tcpSocket: {host: db.internal, port: 5432}}\n'), 'readinessProbe.tcpSocket.host'],
    ['a preStop hook', pod('      lifecycle:\n        preStop: {httpGet: {host: kubelet.local, path: /, port: 10250}}\n'), 'lifecycle.preStop.httpGet.host'],
    ['a postStart tcpSocket hook', pod('      lifecycle: {postStart: {tcpSocket: {host: 10.0.0.1, port: 22}}}\n'), 'lifecycle.postStart.tcpSocket.host'],
  ])('flags %s', (_name, text, field) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/pss-host-probes', severity: 'error', item: 'k8s.admission' });
    expect(findings[0]?.message).toContain(field);
  });

  it('is not a control before v1.34', () => {
    const text = pod('      readinessProbe: {tcpSocket: {host: db.internal, port: 5432}}\n');
    const findings = lintText(text, 'pod.yaml', 'kubernetes', { rules: [pssHostProbes], context: { podSecurity: { level: 'baseline', version: { major: 1, minor: 33 } } } }).findings;
    expect(findings).toEqual([]);
  });
});
