import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { trustedImageSource } from './trusted-image-source.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [trustedImageSource] }).findings;

const pod = (image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  containers:
    - name: app
      image: ${image}
`;

describe('kubernetes/trusted-image-source', () => {
  it.each([
    ['redis:7.2.4-alpine'],
    ['docker.io/library/redis:7.2.4'],
    ['registry.k8s.io/pause:3.9'],
    ['gcr.io/distroless/static-debian12:nonroot'],
    ['registry.example.com/shop/cart:2.4.1'],
    ['"{{ .Values.image }}"'],
  ])('passes %s', (image) => {
    expect(lint(pod(image))).toEqual([]);
  });

  it.each([['redisfan/redis:7.2.4'], ['docker.io/redisfan/redis:7.2.4'], ['quay.io/someone/redis:7.2.4'], ['ghcr.io/someone/tools:1.0.0']])('warns on %s', (image) => {
    const findings = lint(pod(image));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/trusted-image-source', item: 'image.trusted-sources', line: 8 });
  });
});
