import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { pssVolumeTypes } from './pss-volume-types.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [pssVolumeTypes] }).findings;

const pod = (volumes: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers: [{name: app}]
  volumes:
${volumes}`;

describe('kubernetes/pss-volume-types', () => {
  it('admits every allowed type', () => {
    const volumes = [
      '    - {name: a, configMap: {name: c}}',
      '    - {name: b, csi: {driver: x}}',
      '    - {name: c, downwardAPI: {items: []}}',
      '    - {name: d, emptyDir: {medium: Memory}}',
      '    - {name: e, ephemeral: {volumeClaimTemplate: {spec: {}}}}',
      '    - {name: f, persistentVolumeClaim: {claimName: data}}',
      '    - {name: g, projected: {sources: []}}',
      '    - {name: h, secret: {secretName: s}}',
      '',
    ].join('\n');
    expect(lint(pod(volumes))).toEqual([]);
  });

  it.each([
    ['hostPath', '    - name: h\n      hostPath: {path: /tmp}\n', 9],
    ['nfs', '    - name: n\n      nfs: {server: nfs.local, path: /share}\n', 9],
    ['gitRepo', '    - name: g\n      gitRepo: {repository: "https://example.com/r.git"}\n', 9],
    ['awsElasticBlockStore', '    - {name: e, awsElasticBlockStore: {volumeID: vol-1}}\n', 8],
  ])('denies %s', (type, volumes, line) => {
    const findings = lint(pod(volumes));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/pss-volume-types', severity: 'error', references: ['pss:restricted'], line });
    expect(findings[0]?.message).toContain(`of type ${type}`);
  });
});
