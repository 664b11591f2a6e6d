/**
 * The Dockerfile syntax reader against dockerfile-ast, the parser shipshape read Dockerfiles with
 * before (kept as a development dependency for this test): on every Dockerfile of the course and
 * on generated and mutated ones, both give the same instructions (keyword, words, flags, text,
 * lines), comments and directives, except in the few readings where dockerfile-ast departs from
 * BuildKit, which are tested one by one below.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { isDockerfileName } from '../lint/fileNames.js';
import { builderFlags, heredocsOfLine, readDockerfileSyntax } from './dockerfileSyntax.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Reading {
  directives: Record<string, string>;
  comments: { text: string; line: number }[];
  instructions: { keyword: string; args: string[]; text: string; flags: Record<string, string | null>; line: number; column: number; endLine: number }[];
}

/** What parse/dockerfile.ts took from dockerfile-ast. */
function legacyReading(text: string): Reading {
  const ast = DockerfileParser.parse(text);
  const directives: Record<string, string> = {};
  for (const directive of ast.getDirectives()) {
    const name = directive.getDirective();
    if (name) directives[name.toLowerCase()] = directive.getValue();
  }
  return {
    directives,
    comments: ast.getComments().map((comment) => ({ text: comment.getContent() ?? '', line: comment.getRange().start.line + 1 })),
    instructions: ast.getInstructions().map((node: Instruction) => {
      const range = node.getRange();
      const flags: Record<string, string | null> = {};
      const withFlags = node as Instruction & { getFlags?: () => { getName(): string; getValue(): string | null }[] };
      if (typeof withFlags.getFlags === 'function') for (const flag of withFlags.getFlags()) flags[flag.getName()] = flag.getValue();
      return {
        keyword: node.getKeyword().toUpperCase(),
        args: node.getArguments().map((argument) => argument.getValue()),
        text: node.getArgumentsContent() ?? '',
        flags,
        line: range.start.line + 1,
        column: range.start.character + 1,
        endLine: range.end.line + 1,
      };
    }),
  };
}

function currentReading(text: string): Reading {
  const syntax = readDockerfileSyntax(text);
  const directives: Record<string, string> = {};
  for (const directive of syntax.directives) {
    const name = directive.name.toLowerCase();
    if (name === 'syntax' || name === 'escape') directives[name] = directive.value;
  }
  return {
    directives,
    comments: syntax.comments,
    instructions: syntax.instructions.map((node) => ({
      keyword: node.word.toUpperCase(),
      args: node.args,
      text: node.text,
      flags: Object.fromEntries(node.flags.map((flag) => [flag.name, flag.value])),
      line: node.line,
      column: node.column,
      endLine: node.endLine,
    })),
  };
}

/**
 * False for text where dockerfile-ast is known to read differently from BuildKit (each case is
 * tested below): an indented comment, a line of blanks, a one-character line or a line whose
 * second character is `#` inside a continuation, a line of only the escape character, an escaped character ending a continued
 * line (the text lost it), a line ending in two escape characters
 * or in an escaped blank before the escape (BuildKit continues both), an escaped blank inside
 * a line (dockerfile-ast took the escape out of the text), an escape character in a comment line (it made a word), heredocs,
 * `--` inside a word before a flag, a directive with blanks after its value, more than one escape
 * directive, a lone carriage return, HEALTHCHECK words before its CMD; and where BuildKit reads
 * what dockerfile-ast did not: directives after a comment that is not one, quotes, escapes or a
 * bare `--` among flags.
 */
function ordinary(text: string): boolean {
  return !/^[ \t]+#/m.test(text)
    && !/^[ \t]+\r?$/m.test(text)
    && !/^[ \t]*[\\`][ \t]*\r?$/m.test(text)
    && !/^[^ \t\r\n][\\`][ \t]*\r?$/m.test(text)
    && !/^[^ \t\r\n#]#/m.test(text)
    && !/[\\`][ \t]*\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*[^\n]*[\\`][^\s\\`][ \t]*\r?$/m.test(text)
    && !/[\\`][^\s\\`][\\`][ \t]*\r?$/m.test(text)
    && !/[\\`][\\`][ \t]*\r?$/m.test(text)
    && !/[\\`][ \t]+[\\`]/.test(text)
    && !(/^#[ \t]*escape[ \t]*=[ \t]*`/m.test(text) ? /`[ \t]+[^ \t\r\n]/ : /\\[ \t]+[^ \t\r\n]/).test(text)
    && !(/^#[ \t]*escape[ \t]*=[ \t]*`/m.test(text) ? /^[ \t]*#(?![ \t]*escape[ \t]*=)[^\n]*`/m : /^[ \t]*#[^\n]*\\/m).test(text)
    && !text.includes('<<')
    && !/[^\s-]--\S*[ \t]+--/.test(text)
    && (text.match(/^#\s*escape\s*=/gim)?.length ?? 0) <= 1
    && new Set(topDirectiveNames(text)).size === topDirectiveNames(text).length
    && !/\r(?!\n)/.test(text)
    && topDirectiveLines(text).every((line) => /^[ \t]*#[ \t]*(?:syntax|escape)[ \t]*=[ \t]*\S+\r?$/i.test(line))
    && ![legacyReading(text), currentReading(text)].some((reading) => reading.instructions.some((instruction) => Object.entries(instruction.flags).some(([name, value]) => name === '' || /["'\\`]/.test(name + (value ?? '')))))
    && !/^[ \t]*HEALTHCHECK\b(?:[ \t]+--\S*)*[ \t]+(?!--|CMD\b|NONE\b|[\\`][ \t]*\r?$)\S/im.test(text);
}

/** The `# ...=...` lines the file starts with: dockerfile-ast took each for a directive. */
function topDirectiveLines(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split('\n')) {
    if (!/^[ \t]*#[^\n]*=/.test(line)) break;
    lines.push(line);
  }
  return lines;
}

/** Their names (BuildKit refuses a name given twice). */
function topDirectiveNames(text: string): string[] {
  return topDirectiveLines(text).map((line) => (/^[ \t]*#[ \t]*([^ \t=]*)/.exec(line)?.[1] ?? '').toLowerCase());
}

/** Each instruction, comment or directive the two readings disagree on, side by side. */
function differences(text: string): unknown[] {
  const current = currentReading(text);
  const legacy = legacyReading(text);
  const found: unknown[] = [];
  if (JSON.stringify(current.directives) !== JSON.stringify(legacy.directives)) found.push({ directives: current.directives, legacy: legacy.directives });
  if (JSON.stringify(current.comments) !== JSON.stringify(legacy.comments)) found.push({ comments: current.comments, legacy: legacy.comments });
  const count = Math.max(current.instructions.length, legacy.instructions.length);
  for (let i = 0; i < count; i++) {
    const mine = current.instructions[i];
    const theirs = legacy.instructions[i];
    if (JSON.stringify(mine) !== JSON.stringify(theirs)) {
      found.push({ instruction: mine, legacy: theirs });
      break;
    }
  }
  return found;
}

function dockerfilesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === '.git' || entry === 'dist') continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...dockerfilesUnder(full));
    else if (isDockerfileName(entry)) found.push(full);
  }
  return found;
}

/** A tiny deterministic generator, so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const LINES = [
  'FROM node:20.11.1-alpine3.19 AS build',
  'FROM --platform=$BUILDPLATFORM golang:1.22 AS builder',
  'FROM gcr.io/distroless/static-debian12:nonroot',
  'FROM ${BASE}:${TAG}',
  'ARG BASE=alpine',
  'ARG TAG="3.19"',
  'ARG HTTP_PROXY',
  'WORKDIR /app',
  'WORKDIR   /srv/my app ',
  'COPY package*.json ./',
  'COPY --from=build --chown=10001:10001 /app/dist ./dist',
  'COPY --link --chmod=0755 entrypoint.sh /usr/local/bin/',
  'ADD https://example.com/tool.tar.gz /tmp/',
  'ADD --checksum=sha256:0123456789abcdef rootfs.tar.xz /',
  'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*',
  'RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci',
  'RUN --network=none make -j4 install',
  'RUN echo "a  b" \'c d\' \\$HOME $PATH',
  'RUN ["sh", "-c", "echo hi > /tmp/x"]',
  'RUN [ "broken json"',
  'RUN chmod u+s /usr/bin/tool && chown 0:0 /usr/bin/tool',
  'RUN set -eux; addgroup -S app; adduser -S -G app app',
  'ENV NODE_ENV=production PORT=8080',
  'ENV PATH /opt/bin:$PATH',
  'ENV MESSAGE="hello world" OTHER=\\"quoted\\"',
  'LABEL org.opencontainers.image.source="https://example.com/repo" version=1.0',
  'USER 10001:10001',
  'USER app',
  'EXPOSE 8080/tcp 9090',
  'VOLUME ["/data"]',
  'VOLUME /var/lib/data /var/log',
  'HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://localhost:8080/health || exit 1',
  'HEALTHCHECK NONE',
  'STOPSIGNAL SIGTERM',
  'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
  'ONBUILD COPY . /app',
  'ONBUILD RUN --mount=type=cache,target=/x make',
  'ENTRYPOINT ["/sbin/tini", "--"]',
  'ENTRYPOINT exec /app/run --flag=value',
  'CMD ["node", "dist/server.js"]',
  'CMD node server.js --port 8080',
  'MAINTAINER someone@example.com',
  'run echo lower-case keyword',
  'RUN',
  '# a comment line',
  '#no space after the hash',
  '# syntax=docker/dockerfile:1',
  '#',
  '',
];

/** Joins a line's words over continuation lines, the ways people write them. */
function continued(line: string, next: () => number, escape: string, newline: string): string {
  const words = line.split(' ');
  if (words.length < 4) return line;
  const out: string[] = [];
  let current = words[0] as string;
  for (const word of words.slice(1)) {
    if (word === '') {
      current += ' ';
      continue;
    }
    const r = next();
    if (r < 0.25) {
      const indent = ['', '  ', '    ', '\t'][Math.floor(next() * 4)] as string;
      // A one-character line at column 0 is one of the known differences; indent such words.
      const safeIndent = indent === '' && current.length < 2 ? '  ' : indent;
      out.push(`${current} ${escape}${next() < 0.2 ? '  ' : ''}`);
      if (next() < 0.2) out.push('');
      if (next() < 0.15) out.push(`# commented-out ${word.replace(/[\\`]/g, '')}`);
      current = `${safeIndent}${word}`;
    } else {
      current += ` ${word}`;
    }
  }
  out.push(current);
  return out.join(newline);
}

function generated(seed: number): string {
  const next = random(seed);
  const escape = next() < 0.15 ? '`' : '\\';
  const newline = next() < 0.2 ? '\r\n' : '\n';
  const head: string[] = [];
  if (next() < 0.3) head.push('# syntax=docker/dockerfile:1.7');
  if (escape === '`') head.push('# escape=`');
  const body: string[] = [];
  const count = 3 + Math.floor(next() * 14);
  for (let i = 0; i < count; i++) {
    let line = LINES[Math.floor(next() * LINES.length)] as string;
    if (escape === '`') line = line.replaceAll('\\', '`');
    if (next() < 0.1) line = `  ${line}`;
    body.push(continued(line, next, escape, newline));
  }
  const text = [...head, ...body].join(newline);
  return next() < 0.8 ? text + newline : text;
}

/** Inserts, deletes or repeats characters at random: broken input is normal input. */
function mutated(text: string, seed: number): string {
  const next = random(seed);
  const pieces = ['\\', '`', '\n', '\r\n', ' ', '\t', '#', '"', "'", '$', '{', '}', '[', ']', '--', '=', ',', 'RUN ', 'x'];
  let out = text;
  const edits = 1 + Math.floor(next() * 6);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (out.length + 1));
    const r = next();
    if (r < 0.5) out = out.slice(0, at) + (pieces[Math.floor(next() * pieces.length)] as string) + out.slice(at);
    else if (r < 0.8) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 4));
    else out = out.slice(0, at) + out.slice(at, at + 12) + out.slice(at);
  }
  return out;
}

describe('readDockerfileSyntax agrees with dockerfile-ast', () => {
  const course = dockerfilesUnder(repository).map((file) => ({ name: path.relative(repository, file), text: readFileSync(file, 'utf8') }));

  it('on every Dockerfile of the course', () => {
    expect(course.length).toBeGreaterThan(40);
    for (const { name, text } of course.filter((file) => ordinary(file.text))) {
      expect(currentReading(text), name).toEqual(legacyReading(text));
    }
    // Most of the course's Dockerfiles are ordinary: the comparison above is not vacuous.
    expect(course.filter((file) => ordinary(file.text)).length).toBeGreaterThan(course.length * 0.8);
  });

  it('on 2,500 generated Dockerfiles (continuations, comments, CRLF, the backtick escape)', () => {
    let compared = 0;
    for (let seed = 1; seed <= 2500; seed++) {
      const text = generated(seed);
      if (!ordinary(text)) continue;
      compared++;
      expect(differences(text), `seed ${seed}:\n${text}`).toEqual([]);
    }
    expect(compared).toBeGreaterThan(1200);
  });

  it('on 3,000 mutated Dockerfiles, and reads every input without throwing', () => {
    const sources = [...course.map((file) => file.text), ...Array.from({ length: 40 }, (_, i) => generated(10_000 + i))];
    let compared = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const text = mutated(sources[seed % sources.length] as string, seed);
      const reading = currentReading(text);
      for (const instruction of reading.instructions) expect(instruction.endLine).toBeGreaterThanOrEqual(instruction.line);
      if (!ordinary(text)) continue;
      compared++;
      expect(differences(text), `seed ${seed}:\n${JSON.stringify(text)}`).toEqual([]);
    }
    expect(compared).toBeGreaterThan(1500);
  });
});

describe('readDockerfileSyntax where it reads as BuildKit does, not as dockerfile-ast did', () => {
  const only = (text: string) => readDockerfileSyntax(`FROM busybox\n${text}`).instructions[1];

  it('leaves an indented comment line inside a continued RUN out of its text', () => {
    expect(only('RUN apk add curl && \\\n    # rm -rf / was here\n    echo done\n')).toMatchObject({ text: 'apk add curl &&     echo done', args: ['apk', 'add', 'curl', '&&', 'echo', 'done'], endLine: 4 });
  });

  it('keeps a one-character continuation line', () => {
    expect(only('RUN a \\\nb\\\nc\n')).toMatchObject({ text: 'a bc', args: ['a', 'bc'] });
  });

  it('ends a line at an escaped escape character, as BuildKit does', () => {
    const syntax = readDockerfileSyntax('FROM a\nRUN echo foo\\\\\nRUN --network=host wget x\n');
    expect(syntax.instructions[1]).toMatchObject({ args: ['echo', 'foo\\'], endLine: 2 });
    expect(syntax.instructions[2]).toMatchObject({ word: 'RUN', flags: [{ name: 'network', value: 'host' }], line: 3 });
  });

  it('does not take a heredoc body for more words of the instruction', () => {
    const copy = only('COPY <<EOF /etc/app.conf\nlisten 8080\nroot /srv\nEOF\nUSER 1000\n');
    expect(copy).toMatchObject({ args: ['<<EOF', '/etc/app.conf'], text: '<<EOF /etc/app.conf\nlisten 8080\nroot /srv\nEOF', line: 2, endLine: 5 });
    expect(readDockerfileSyntax('FROM busybox\nCOPY <<EOF /x\nhi\nEOF\nUSER 1000\n').instructions[2]).toMatchObject({ word: 'USER', line: 5 });
  });

  it('reads a heredoc to its terminator, with tabs stripped for its own <<- only', () => {
    const run = only('RUN <<-EOT bash\n\techo one\n\tEOT\nUSER 1\n');
    expect(run).toMatchObject({ args: ['<<-EOT', 'bash'], endLine: 4, heredocs: [{ name: 'EOT', terminated: true }] });
    const two = readDockerfileSyntax('FROM a\nRUN <<-A cat - <<B\n\tA\n\tB\nB\nUSER 1\n');
    expect(two.instructions[1]).toMatchObject({ endLine: 5, heredocs: [{ name: 'A' }, { name: 'B' }] });
    expect(two.instructions[2]).toMatchObject({ word: 'USER', line: 6 });
    expect(heredocsOfLine('RUN cat <<"EOF" 3<<\'A\' <<-B <<E"O"F <<"END OF" << <<- <<<x cat')).toEqual([
      { name: 'EOF', chomp: false }, { name: 'A', chomp: false }, { name: 'B', chomp: true }, { name: 'EOF', chomp: false }, { name: 'END OF', chomp: false },
    ]);
  });

  it('opens no heredoc for <<WORD inside quotes or in JSON form', () => {
    const syntax = readDockerfileSyntax('FROM a\nRUN echo \'x <<EOF\'\nRUN --security=insecure id\nRUN ["sh", "-c", "cat <<EOF"]\nADD http://evil.test/x /x\nRUN cat <<EOF\nhi\nEOF\n');
    expect(syntax.instructions.map((instruction) => [instruction.word, instruction.line])).toEqual([['FROM', 1], ['RUN', 2], ['RUN', 3], ['RUN', 4], ['ADD', 5], ['RUN', 6]]);
    expect(syntax.instructions[2]?.flags).toEqual([{ name: 'security', value: 'insecure' }]);
  });

  it('reads a heredoc with a file descriptor (3<<EOF) and leaves its body out of the instructions', () => {
    const syntax = readDockerfileSyntax('FROM a\nRUN cat 3<<EOF\nRUN --network=host x\nEOF\nUSER 1\n');
    expect(syntax.instructions.map((instruction) => instruction.word)).toEqual(['FROM', 'RUN', 'USER']);
    expect(syntax.instructions[1]?.text).toBe('cat 3<<EOF\nRUN --network=host x\nEOF');
  });

  it('reports a heredoc whose file ends first', () => {
    expect(only('RUN <<EOF\necho hi\n')).toMatchObject({ heredocs: [{ name: 'EOF', terminated: false }], endLine: 4 });
  });

  it('takes only the leading --words for flags, read with quotes as BuildKit reads them', () => {
    expect(only('RUN echo--x --y\n')).toMatchObject({ flags: [], args: ['echo--x', '--y'] });
    expect(only('COPY --from=build --link a b\n')).toMatchObject({ flags: [{ name: 'from', value: 'build' }, { name: 'link', value: null }], args: ['a', 'b'] });
    expect(only('RUN --mount="type=ssh" ssh git@x\n')).toMatchObject({ flags: [{ name: 'mount', value: 'type=ssh' }], text: 'ssh git@x' });
    expect(only('RUN --mount=type=secret,id="a b" cat /run/secrets/a\n')).toMatchObject({ flags: [{ name: 'mount', value: 'type=secret,id=a b' }], args: ['cat', '/run/secrets/a'] });
    expect(only('RUN -- --network=host\n')).toMatchObject({ flags: [], args: ['--network=host'] });
    expect(builderFlags("--a='x\\y' --b=\"x\\\"y\" --c=x\\ y rest")).toEqual({ flags: [{ name: 'a', value: 'x\\y' }, { name: 'b', value: 'x"y' }, { name: 'c', value: 'x y' }], remaining: 'rest' });
  });

  it('ends the directives at the first comment that is not one', () => {
    const syntax = readDockerfileSyntax('# vim: set ft=dockerfile\n# escape=`\nFROM a\nRUN echo `\nRUN --network=host wget x\n');
    expect(syntax).toMatchObject({ directives: [], escape: '\\' });
    expect(syntax.comments.map((comment) => comment.line)).toEqual([1, 2]);
    expect(syntax.instructions[2]).toMatchObject({ flags: [{ name: 'network', value: 'host' }], line: 5 });
    expect(readDockerfileSyntax('# foo=bar\n# escape=`\nFROM a\n').escape).toBe('\\');
    expect(readDockerfileSyntax('# syntax = docker/dockerfile:1 extra\nFROM a\n').directives).toEqual([{ name: 'syntax', value: 'docker/dockerfile:1 extra', line: 1 }]);
  });

  it('ends lines at \\n only: a lone carriage return is a blank', () => {
    const syntax = readDockerfileSyntax('FROM a\n# c\rRUN --network=host x\nRUN a\rb\r\n');
    expect(syntax.instructions.map((instruction) => instruction.line)).toEqual([1, 3]);
    expect(syntax.instructions[1]?.args).toEqual(['a', 'b']);
  });

  it('goes on reading directives after one with trailing blanks', () => {
    const syntax = readDockerfileSyntax('# syntax=docker/dockerfile:1  \n# escape=`\nFROM busybox\nRUN echo a `\n  b\n');
    expect(syntax.escape).toBe('`');
    expect(syntax.directives.map((d) => [d.name, d.value, d.line])).toEqual([['syntax', 'docker/dockerfile:1', 1], ['escape', '`', 2]]);
    expect(syntax.instructions[1]).toMatchObject({ args: ['echo', 'a', 'b'], line: 4, endLine: 5 });
  });

  it('reads a file without a line break at the end, and one ending in a continuation', () => {
    expect(readDockerfileSyntax('FROM a\nRUN x').instructions[1]).toMatchObject({ args: ['x'], endLine: 2 });
    expect(readDockerfileSyntax('FROM a\nRUN x \\\n').instructions[1]).toMatchObject({ args: ['x'], endLine: 3 });
    expect(readDockerfileSyntax('\uFEFFFROM a\n').instructions[0]).toMatchObject({ word: 'FROM', column: 2 });
  });
});

describe('readDockerfileSyntax on hostile blank runs', () => {
  // A `\s+$` trim is tried from every blank of a run inside the line: 64k spaces took 1.6 s and
  // 1 MiB took minutes (quadratic). The loops that replaced it read this in milliseconds; the
  // bound is generous so that only the quadratic reading can miss it.
  it.each([
    ['spaces inside a RUN', `FROM alpine:3.19\nRUN a${' '.repeat(256_000)}b\n`],
    ['spaces and tabs inside a RUN', `FROM alpine:3.19\nRUN a${' \t'.repeat(128_000)}b\n`],
    ['blanks inside a directive-like first line', `# syntax${' \t'.repeat(128_000)}x\nFROM alpine:3.19\n`],
    ['blanks before a heredoc body', `FROM alpine:3.19\nRUN cat <<EOF${' '.repeat(256_000)}x\nhi\nEOF\n`],
  ])('reads %s in linear time', (_name, text) => {
    const started = performance.now();
    const syntax = readDockerfileSyntax(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(syntax.instructions.length).toBeGreaterThan(0);
  });
});
