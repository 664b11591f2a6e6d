/**
 * What the engine says about itself (`/version`, `/info`), asked once per process and engine.
 * Several parts of a check need a fact from them (the toolbox its architecture, the build
 * cgroup its cgroup driver, BuildKit its API version); asked together when the engine is
 * connected, their round trips overlap the check's own preparations instead of following one
 * another.
 */
import type Docker from 'dockerode';

export type EngineVersion = Docker.DockerVersion & { Arch?: string; Components?: { Name?: string }[] };
export type EngineInfo = { CgroupDriver?: string; OSType?: string };

const versions = new WeakMap<Docker, Promise<EngineVersion | undefined>>();
const infos = new WeakMap<Docker, Promise<EngineInfo | undefined>>();

/** `/version`, or undefined when the engine would not say. */
export function engineVersion(docker: Docker): Promise<EngineVersion | undefined> {
  return remembered(versions, docker, () => docker.version() as Promise<EngineVersion>);
}

/** `/info`, or undefined when the engine would not say. */
export function engineInfo(docker: Docker): Promise<EngineInfo | undefined> {
  return remembered(infos, docker, () => docker.info() as Promise<EngineInfo>);
}

function remembered<T>(cache: WeakMap<Docker, Promise<T | undefined>>, docker: Docker, ask: () => Promise<T>): Promise<T | undefined> {
  let answer = cache.get(docker);
  if (!answer) {
    answer = ask().catch(() => undefined);
    cache.set(docker, answer);
    // An engine that did not answer may answer the next check.
    void answer.then((value) => value === undefined && cache.delete(docker));
  }
  return answer;
}
