import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Argument, Instruction } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { computeRawArguments, DockerfileParser } from './dockerfileAst.js';

const lib = path.dirname(createRequire(import.meta.url).resolve('dockerfile-ast'));

function libFiles(dir = lib): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? libFiles(path.join(dir, entry.name)) : entry.name.endsWith('.js') ? [path.join(dir, entry.name)] : [],
  );
}

/** getRawArguments is private in the package's types; the memo replaces exactly it. */
const raw = (instruction: Instruction): Argument[] => (instruction as unknown as { getRawArguments(): Argument[] }).getRawArguments();

const plain = (args: Argument[]) => args.map((arg) => ({ value: arg.getValue(), range: arg.getRange() }));

const TRICKY = [
  'FROM --platform=$BUILDPLATFORM registry:5000/team/app:1.2@sha256:abc AS build\n',
  'RUN --mount=type=cache,target=/root/.cache \\\n    --mount=type=secret,id=npm \\\n  npm ci && \\\n  # a comment inside\n  npm run build\n',
  'COPY --from=build --chown=10001:10001 ["/app/a b", "/srv/"]\n',
  'CMD ["node", "server.js"]\nENTRYPOINT []\nCMD [ ]\n',
  'ENV A=1 B="two words" C=three\\ four\nLABEL "x"="y" z=w\n',
  'HEALTHCHECK --interval=5s CMD wget -qO- http://localhost/ || exit 1\n',
  'ONBUILD RUN echo hi\nRUN <<EOF\necho heredoc\nEOF\n',
  '# escape=`\nFROM x\nRUN echo a `\n  b\n',
];

function fixtureDockerfiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--', '*Dockerfile*'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  return listed.map((file) => readFileSync(file, 'utf8'));
}

describe('dockerfile-ast with remembered arguments', () => {
  it('gives every instruction the arguments the package computes, and flags as before', () => {
    const texts = [...TRICKY, ...fixtureDockerfiles()];
    expect(texts.length).toBeGreaterThan(TRICKY.length);
    for (const text of texts) {
      const instructions: Instruction[] = DockerfileParser.parse(text).getInstructions();
      for (const instruction of instructions) {
        const expected = plain(computeRawArguments.call(instruction));
        expect(plain(raw(instruction))).toEqual(expected);
        expect(plain(raw(instruction))).toEqual(expected);
      }
    }
  });

  it('hands each caller its own arguments and ranges, which the package modifies', () => {
    const [from] = DockerfileParser.parse('FROM registry:5000/team/app:1.2\n').getInstructions() as [Instruction & { getImageNameRange(): unknown; getRegistryRange(): unknown }];
    const first = raw(from);
    const second = raw(from);
    expect(first).not.toBe(second);
    expect(first[0]).not.toBe(second[0]);
    expect(first[0]?.getRange()).not.toBe(second[0]?.getRange());
    const before = plain(raw(from));
    from.getImageNameRange();
    from.getRegistryRange();
    first.shift();
    expect(plain(raw(from))).toEqual(before);
  });

  it('relies on the package never assigning to a position, which it shares between copies', () => {
    const assignments = libFiles().flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\.(?:line|character)\s*(?:[-+*/]?=(?!=)|\+\+|--)/g)].map((match) => `${path.basename(file)}: ${match[0]}`));
    expect(assignments).toEqual([]);
  });
});
