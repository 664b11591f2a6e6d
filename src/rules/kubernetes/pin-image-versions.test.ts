import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { pinImageVersions } from './pin-image-versions.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [pinImageVersions] }).findings;

const pod = (image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: ${image}
`;

describe('kubernetes/pin-image-versions', () => {
  it.each([
    ['nginx:1.27.2'],
    ['node:20.11.1-alpine'],
    ['busybox:1.36'],
    ['nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31'],
    ['nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31'],
    ['registry.example.com:5000/team/app:2.4.1'],
    ['ghcr.io/acme/app:3f9c2ab'],
    ['"{{ .Values.image }}"'],
  ])('passes %s', (image) => {
    expect(lint(pod(image))).toEqual([]);
  });

  it.each([
    ['nginx', 'without a tag'],
    ['localhost:5000/app', 'without a tag'],
    ['nginx:latest', 'latest'],
    ['node:20', 'bare major'],
    ['node:20-alpine', 'bare major'],
    ['app:v3', 'bare major'],
    ['nginx:stable', 'moving channel'],
    ['node:lts-alpine', 'moving channel'],
  ])('warns on %s', (image, message) => {
    const findings = lint(pod(image));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/pin-image-versions', severity: 'warning', item: 'image.pin-versions', line: 8 });
    expect(findings[0]?.message).toContain(message);
  });

  it('checks init containers too', () => {
    const text = `${pod('nginx:1.27.2')}  initContainers:\n    - name: wait\n      image: busybox\n`;
    expect(lint(text).map((f) => f.line)).toEqual([11]);
  });
});
