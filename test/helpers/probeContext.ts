/**
 * Probe targets for runtime tests: a container started the way shipshape starts the learner's
 * (network none, caps on top of the given host settings, session labels) but with a command,
 * user or healthcheck of the test's choosing, wrapped in the ProbeContext a probe receives.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { buildImage } from '../../src/runtime/build.js';
import { execInContainer, execTrusted, hardenHostConfig, processMayBeRoot } from '../../src/runtime/container.js';
import { loadToolbox, toolboxMount, toolboxVolume } from '../../src/runtime/toolbox.js';
import { labelledLeftovers } from './docker.js';
import type { ProbeContext } from '../../src/runtime/probes/types.js';
import type { RuntimeSession } from '../../src/runtime/session.js';

export const BASE_IMAGE = 'busybox:1.36.1';

export interface TargetOptions {
  image?: string;
  /** Defaults to `sleep 300`: busybox has no long-running default command. */
  cmd?: string[];
  user?: string;
  /** The learner's host settings; shipshape's caps are added on top, as in a real check. */
  host?: Docker.HostConfig;
  healthcheck?: Docker.HealthConfig;
}

export async function startProbeTarget(session: RuntimeSession, options: TargetOptions = {}): Promise<ProbeContext> {
  const imageRef = options.image ?? BASE_IMAGE;
  const requested = options.host ?? {};
  const toolbox = await loadToolbox(session.docker);
  const hostConfig = hardenHostConfig(requested);
  hostConfig.Mounts = [...(hostConfig.Mounts ?? []), toolboxMount(await toolboxVolume(session.docker, toolbox, imageRef))];
  const container = await session.docker.createContainer({
    Image: imageRef,
    Cmd: options.cmd ?? ['sleep', '300'],
    User: options.user,
    Labels: session.labels(),
    Healthcheck: options.healthcheck,
    HostConfig: hostConfig,
  });
  session.trackContainer(container.id);
  await container.start();
  const containerInfo = await container.inspect();
  return {
    docker: session.docker,
    imageRef,
    container,
    containerInfo,
    image: await session.docker.getImage(imageRef).inspect(),
    requested,
    exec: (cmd) => execInContainer(session, container, cmd),
    // shipshape's own busybox, brought in as a real check brings it (runtime/toolbox.ts).
    execTrusted: (argv, as) => execTrusted(session.docker, container, toolbox, argv, { user: as?.user, processMayBeRoot: processMayBeRoot(containerInfo) }),
  };
}

/** Builds an image from a Dockerfile and extra files (name -> content) with the real build path. */
export async function buildTestImage(session: RuntimeSession, files: Record<string, string>): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipshape-probe-image-'));
  try {
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), content);
    }
    const tag = session.imageTag('probe-test');
    await buildImage(session, { contextDir: dir, dockerfile: 'Dockerfile', tag, labels: session.labels() });
    return tag;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Containers and images that still belong to this session (by label or by tag). */
export async function sessionLeftovers(session: RuntimeSession): Promise<number> {
  const { containers, images } = await labelledLeftovers(session.docker, { session: session.id });
  return containers + images;
}
