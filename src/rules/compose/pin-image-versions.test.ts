import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { pinImageVersions } from './pin-image-versions.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [pinImageVersions] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');
const withImage = (image: string) => compose('services:', '  web:', '    restart: unless-stopped', `    image: ${image}`);
const digest = 'sha256:' + 'a'.repeat(64);

describe('compose/pin-image-versions', () => {
  it.each([
    ['a full version', 'node:20.11.1-alpine'],
    ['major.minor', 'busybox:1.36'],
    ['a digest', `nginx@${digest}`],
    ['a tag and a digest', `nginx:latest@${digest}`],
    ['a registry with a port and a version', 'localhost:5000/team/app:1.4.2'],
    ['a date tag', 'app:20240115'],
    ['an interpolated tag', 'app:${TAG}'],
    ['an interpolated name', '${IMAGE}'],
  ])('passes %s', (_name, image) => {
    expect(lint(withImage(image))).toEqual([]);
  });

  it('passes a service that builds its image, even tagged latest', () => {
    expect(lint(compose('services:', '  web:', '    build: .', '    image: myapp:latest'))).toEqual([]);
  });

  it('passes a service with build and no image', () => {
    expect(lint(compose('services:', '  web:', '    build: { context: . }'))).toEqual([]);
  });

  it.each([
    ['no tag', 'nginx', 'has no tag'],
    ['a registry with a port but no tag', 'localhost:5000/app', 'has no tag'],
    [':latest', 'nginx:latest', 'uses `latest`'],
    [':LATEST', 'nginx:LATEST', 'uses `latest`'],
    ['a bare major tag', 'node:20', 'bare major tag `20`'],
    ['a bare major tag with a variant', 'redis:7-alpine', 'bare major tag `7-alpine`'],
    ['a v-prefixed major tag', 'traefik:v3', 'bare major tag `v3`'],
    ['a version-less tag', 'node:lts', 'a tag with no version'],
    ['a variant-only tag', 'nginx:alpine', 'a tag with no version'],
  ])('flags %s at the right line', (_name, image, problem) => {
    const findings = lint(withImage(image));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/pin-image-versions', line: 4, severity: 'warning', item: 'image.pin-versions' });
    expect(findings[0]?.message).toContain(problem);
  });
});
