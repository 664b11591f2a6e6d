/**
 * A probe looks at a running container from the inside (exec) or through the engine (inspect)
 * and returns a verdict with evidence a learner can read.
 */
import type Docker from 'dockerode';
import type * as z from 'zod';
import type { CurriculumItemId } from '../../content/curriculum.js';
import type { ExecResult } from '../container.js';

export interface ProbeContext {
  docker: Docker;
  /** The image's tag or id, for probes that look at the image itself (size, layers, history). */
  imageRef: string;
  container: Docker.Container;
  containerInfo: Docker.ContainerInspectInfo;
  image: Docker.ImageInspectInfo;
  /**
   * The learner's own host settings, before shipshape adds its caps (memory, PIDs, CPU): probes
   * that judge what the learner asked for read this, not `containerInfo.HostConfig`.
   */
  requested: Docker.HostConfig;
  exec(cmd: string[]): Promise<ExecResult>;
  /**
   * Runs a program the learner cannot have replaced: argv[0] names a tool of shipshape's own
   * toolbox (a static busybox applet such as `id`, `wget`, `cat`, `find`, `sh`), not the
   * image's (runtime/toolbox.ts). Evidence must come from here or from the engine, never from
   * the image's own binaries. As the container's own user unless `user` says otherwise (`'0'`
   * for inventories that must see every folder).
   */
  execTrusted(argv: string[], options?: { user?: string }): Promise<ExecResult>;
}

export interface ProbeVerdict {
  passed: boolean;
  /** What was observed, in plain words: `id -u printed 10001`. */
  evidence: string;
}

export interface Probe<Params = Record<string, unknown>> {
  id: string;
  /** What is wrong when the probe fails: "The container process runs as root". */
  title: string;
  /** What holds when it passes: "The container process is not root". */
  passTitle: string;
  /** How to fix a failure, concretely, like a rule's `fix`. */
  fix: string;
  item: CurriculumItemId;
  /**
   * Proves that the app still works rather than a security property: the broken files pass it
   * too, so the author check does not ask them to fail it.
   */
  functional?: boolean;
  /**
   * Only looks (reads files, lists processes, asks the app for a page, inspects the engine) and
   * changes nothing in the container, so it may run at the same time as other such probes.
   */
  observesOnly?: boolean;
  /** Validates `with:` in challenge.yaml; the course loader reports a mismatch at load time. */
  params: z.ZodType<Params>;
  run(context: ProbeContext, params: Params): Promise<ProbeVerdict>;
}

/** A probe of any parameter type, as the registry holds them. */
export type AnyProbe = Probe<any>;
