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

describe('dockerfile/copy-whole-context in builder stages', () => {
  const builder = (finalCopy: string) =>
    `FROM node:20.11.1 AS build\nWORKDIR /src\nCOPY . .\nRUN npm ci && npm run build\nFROM node:20.11.1-alpine3.19\nWORKDIR /app\n${finalCopy}\nCMD ["node", "dist/server.js"]\n`;

  it.each([
    ['only the build output reaches the final stage', builder('COPY --from=build /src/dist ./dist')],
    ['several artifacts by relative path', builder('COPY --from=build src/dist/ ./dist/\nCOPY --from=build /src/package.json ./')],
    ['a builder stage nothing is copied from (a test stage)', 'FROM node:20.11.1 AS test\nCOPY . .\nRUN npm test\nFROM node:20.11.1-alpine3.19\nCMD ["node"]\n'],
    ['artifacts copied by stage index', 'FROM golang:1.22.1\nWORKDIR /go/src/app\nCOPY . .\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=0 /out/app /app\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['the folder the context landed in is copied whole', builder('COPY --from=build /src /app'), 3],
    ['a parent folder of it is copied', builder('COPY --from=build / /'), 3],
    ['its contents by glob', builder('COPY --from=build /src/* ./'), 3],
    ['the stage is the parent of the final stage', 'FROM node:20.11.1 AS base\nCOPY . /app\nFROM base\nCMD ["node", "/app/server.js"]\n', 2],
    ['copied out of a stage built on the builder', 'FROM node:20.11.1 AS src\nCOPY . /src\nFROM src AS build\nRUN npm ci\nFROM node:20.11.1-alpine3.19\nCOPY --from=build /src /app\n', 2],
  ])('still flags %s', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.line).toBe(line);
  });
});
