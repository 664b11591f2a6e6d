import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../parse/dockerfile.js';
import { buildKitStepLine, classicStepLines, runMounts } from './buildSteps.js';

const multiStage = [
  'ARG VERSION=1.36.1', // 1
  'FROM busybox:${VERSION} AS build', // 2
  'RUN echo build > /out', // 3
  '', // 4
  'FROM busybox:1.36.1', // 5
  'COPY --from=build /out /out', // 6
  'RUN --mount=type=secret,id=token \\', // 7
  '    --mount=type=cache,target=/var/cache/app \\', // 8
  '    cat /run/secrets/token > /dev/null', // 9
  'RUN --mount=type=secret,target=/run/secrets/npmrc true', // 10
].join('\n');

describe('classicStepLines', () => {
  it('numbers global ARGs, FROMs and instructions in order', () => {
    expect(classicStepLines(parseDockerfile(multiStage))).toEqual([1, 2, 3, 5, 6, 7, 10]);
  });
});

describe('buildKitStepLine', () => {
  const model = parseDockerfile(multiStage);

  it('finds a named stage, counting its FROM as step 1', () => {
    expect(buildKitStepLine(model, '[build 2/2] RUN echo build > /out')).toBe(3);
    expect(buildKitStepLine(model, '[build 1/2] FROM docker.io/library/busybox:1.36.1')).toBe(2);
  });

  it('finds an unnamed stage by its stage-N name', () => {
    expect(buildKitStepLine(model, '[stage-1 3/4] RUN --mount=type=secret,id=token ...')).toBe(7);
  });

  it('reads a single-stage file without a stage name', () => {
    expect(buildKitStepLine(parseDockerfile('FROM busybox:1.36.1\nRUN true\n\nRUN false\n'), '[3/3] RUN false')).toBe(4);
  });

  it('gives nothing for internal steps or steps out of range', () => {
    expect(buildKitStepLine(model, '[internal] load build definition from Dockerfile')).toBeUndefined();
    expect(buildKitStepLine(model, '[build 9/9] RUN nothing')).toBeUndefined();
  });
});

describe('runMounts', () => {
  it('finds every mount flag of every RUN, with secret ids defaulting to the target file name', () => {
    const mounts = runMounts(parseDockerfile(multiStage), multiStage);
    expect(mounts.map(({ type, id, line }) => ({ type, id, line }))).toEqual([
      { type: 'secret', id: 'token', line: 7 },
      { type: 'cache', id: undefined, line: 7 },
      { type: 'secret', id: 'npmrc', line: 10 },
    ]);
    expect(mounts[0]?.instruction).toMatch(/^RUN cat \/run\/secrets\/token/);
  });

  it('finds none in a Dockerfile without --mount', () => {
    const text = 'FROM busybox:1.36.1\nRUN --network=none echo --mount=type=secret,id=x is only text here\n';
    expect(runMounts(parseDockerfile(text), text)).toEqual([]);
  });
});
