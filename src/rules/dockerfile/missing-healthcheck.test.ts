import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { missingHealthcheck } from './missing-healthcheck.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [missingHealthcheck] }).findings;

describe('dockerfile/missing-healthcheck', () => {
  it.each([
    ['a HEALTHCHECK in the final stage', 'FROM busybox:1.36.1\nHEALTHCHECK --interval=30s CMD wget -qO- http://localhost:8080/ || exit 1\n'],
    ['a HEALTHCHECK inherited from a parent stage', 'FROM busybox:1.36.1 AS base\nHEALTHCHECK CMD true\nFROM base\nCMD ["httpd"]\n'],
    ['NONE overridden by a later check', 'FROM busybox:1.36.1\nHEALTHCHECK NONE\nHEALTHCHECK CMD true\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['no HEALTHCHECK', 'FROM busybox:1.36.1\nCMD ["httpd"]\n', 1, 'has no HEALTHCHECK'],
    ['a HEALTHCHECK only in a builder stage', 'FROM busybox:1.36.1 AS build\nHEALTHCHECK CMD true\nFROM busybox:1.36.1\n', 3, 'has no HEALTHCHECK'],
    ['HEALTHCHECK NONE', 'FROM busybox:1.36.1\nHEALTHCHECK NONE\n', 2, '`HEALTHCHECK NONE`'],
    ['NONE undoing an inherited check', 'FROM busybox:1.36.1 AS base\nHEALTHCHECK CMD true\nFROM base\nHEALTHCHECK none\n', 4, 'turns the health check off'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/missing-healthcheck', line, column: 1, severity: 'warning', item: 'image.healthcheck' });
    expect(findings[0]?.message).toContain(message);
  });
});
