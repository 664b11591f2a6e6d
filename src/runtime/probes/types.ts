/**
 * A probe looks at a running container from the inside (exec) or through the engine (inspect)
 * and returns a verdict with evidence a learner can read.
 */
import type Docker from 'dockerode';
import type { CurriculumItemId } from '../../content/curriculum.js';
import type { ExecResult } from '../container.js';

export interface ProbeContext {
  container: Docker.Container;
  containerInfo: Docker.ContainerInspectInfo;
  image: Docker.ImageInspectInfo;
  exec(cmd: string[]): Promise<ExecResult>;
}

export interface ProbeVerdict {
  passed: boolean;
  /** What was observed, in plain words: `id -u printed 10001`. */
  evidence: string;
}

export interface Probe {
  id: string;
  title: string;
  item: CurriculumItemId;
  run(context: ProbeContext): Promise<ProbeVerdict>;
}
