import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { copyWholeContext } from './copy-whole-context.js';

const lint = (text: string, dockerignore?: string) =>
  lintDockerfile(text, 'Dockerfile', { rules: [copyWholeContext], context: { dockerignore } }).findings;

const GOOD_IGNORE = '.git\n.env*\n*.pem\n*.key\nid_rsa\n.npmrc\n.netrc\nnode_modules\n';

describe('dockerfile/copy-whole-context', () => {
  it.each([
    ['specific files without a .dockerignore', 'FROM busybox:1.36.1\nCOPY package.json src/ /app/\n', undefined],
    ['COPY . . with a complete .dockerignore', 'FROM busybox:1.36.1\nCOPY . .\n', GOOD_IGNORE],
    ['an allow-list .dockerignore', 'FROM busybox:1.36.1\nCOPY . /app\n', '*\n!src\n!package.json\n'],
    ['recursive patterns', 'FROM busybox:1.36.1\nCOPY . .\n', '**/.git\n**/.env\n**/*.pem\n**/*.key\n**/id_rsa\n**/.npmrc\n**/.netrc\n'],
    ['COPY . from another stage', 'FROM busybox:1.36.1 AS build\nFROM busybox:1.36.1\nCOPY --from=build . /app\n', undefined],
  ])('passes %s', (_name, text, dockerignore) => {
    expect(lint(text, dockerignore)).toEqual([]);
  });

  it('flags COPY . . without a .dockerignore at the COPY line', () => {
    const findings = lint('FROM busybox:1.36.1\nWORKDIR /app\nCOPY . .\n');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/copy-whole-context', line: 3, column: 1, severity: 'warning', item: 'image.copy-only-needed' });
    expect(findings[0]?.message).toContain('there is no .dockerignore');
  });

  it('names exactly what the .dockerignore misses', () => {
    const findings = lint('FROM busybox:1.36.1\nCOPY . .\n', 'node_modules\n.git\n');
    expect(findings[0]?.message).toContain('does not exclude .env, *.pem, *.key, id_rsa');
    expect(findings[0]?.message).not.toContain('.git,');
  });

  it('treats a negated .env as not excluded', () => {
    const findings = lint('FROM busybox:1.36.1\nCOPY . .\n', '.git\n.env*\n!.env\n*.pem\n*.key\nid_rsa\n');
    expect(findings[0]?.message).toContain('does not exclude .env');
  });

  it('flags ADD . /app too', () => {
    const findings = lint('FROM busybox:1.36.1\nADD . /app\n', '');
    expect(findings[0]).toMatchObject({ line: 2, message: expect.stringContaining('`ADD .`') });
  });

  it('flags a ./ source', () => {
    expect(lint('FROM busybox:1.36.1\nCOPY ./ /app/\n')).toHaveLength(1);
  });
});
