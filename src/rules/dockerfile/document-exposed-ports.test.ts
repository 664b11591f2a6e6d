import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { documentExposedPorts } from './document-exposed-ports.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [documentExposedPorts] }).findings;

describe('dockerfile/document-exposed-ports', () => {
  it.each([
    ['EXPOSE with CMD', 'FROM busybox:1.36.1\nEXPOSE 8080\nCMD ["httpd", "-f", "-p", "8080"]\n'],
    ['EXPOSE inherited from a parent stage', 'FROM busybox:1.36.1 AS base\nEXPOSE 8080\nFROM base\nCMD ["httpd"]\n'],
    ['no CMD or ENTRYPOINT (a base image)', 'FROM busybox:1.36.1\nRUN echo\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['CMD without EXPOSE', 'FROM busybox:1.36.1\nCMD ["httpd", "-f"]\n', 2, 'CMD ["httpd", "-f"]'],
    ['ENTRYPOINT without EXPOSE', 'FROM busybox:1.36.1\nENTRYPOINT /app\n', 2, 'ENTRYPOINT /app'],
    ['EXPOSE only in a builder stage', 'FROM busybox:1.36.1 AS build\nEXPOSE 80\nFROM busybox:1.36.1\nCMD ["sh"]\n', 4, 'CMD'],
  ])('flags %s at the command', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/document-exposed-ports', line, column: 1, severity: 'info', item: 'image.expose' });
    expect(findings[0]?.message).toContain(message);
  });
});
