import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../parse/dockerfile.js';
import { BuildFailedError, buildKitRefusal, buildKitStepHeader, readableBuildKitLine } from './build.js';
import { runMounts } from './buildSteps.js';

describe('buildKitRefusal', () => {
  const text = 'FROM busybox:1.36.1\nRUN echo hi\nRUN --mount=type=secret,id=npm_token cat /run/secrets/npm_token\n';
  const mounts = runMounts(parseDockerfile(text), text);

  it('names the file, line, instruction, secret and what blocks BuildKit', () => {
    const refusal = buildKitRefusal(mounts, "Podman's Docker-compatible API has no BuildKit build sessions", 'Dockerfile');
    expect(refusal).toBeInstanceOf(BuildFailedError);
    expect(refusal?.line).toBe(3);
    expect(refusal?.step).toBe('RUN cat /run/secrets/npm_token');
    expect(refusal?.message).toBe(
      "Dockerfile:3: `RUN cat /run/secrets/npm_token` uses --mount=type=secret (secret \"npm_token\"), which only BuildKit can provide, and Podman's Docker-compatible API has no BuildKit build sessions",
    );
  });

  it('refuses nothing when BuildKit can run', () => {
    expect(buildKitRefusal(mounts, undefined, 'Dockerfile')).toBeUndefined();
  });
});

describe('BuildKit output', () => {
  it('keeps the step vertices and drops internal ones', () => {
    expect(buildKitStepHeader('[sha256:21fe5] [2/3] RUN echo hi')).toBe('[2/3] RUN echo hi');
    expect(buildKitStepHeader('[sha256:21fe5] [build 1/2] FROM docker.io/library/busybox:1.36.1')).toBe('[build 1/2] FROM docker.io/library/busybox:1.36.1');
    expect(buildKitStepHeader('[sha256:2dc60] [internal] load remote build context')).toBeUndefined();
  });

  it('turns the base64 that dockerode prints for RUN output back into text, and leaves text alone', () => {
    expect(readableBuildKitLine(Buffer.from("sha256sum: can't open '/run/secrets/x'\n").toString('base64'))).toBe("sha256sum: can't open '/run/secrets/x'");
    expect(readableBuildKitLine('ERROR: executor failed running [/bin/sh -c false]: exit code: 1')).toBe('ERROR: executor failed running [/bin/sh -c false]: exit code: 1');
    // Looks like base64 but decodes to binary: it was text all along.
    expect(readableBuildKitLine('abcdefgh')).toBe('abcdefgh');
  });
});
