/**
 * The engines a grading run spreads over: each `--engine URL` is reached as the docker CLI
 * would reach it with DOCKER_HOST=URL (unix socket, tcp with TLS from DOCKER_CERT_PATH and
 * DOCKER_TLS_VERIFY, ssh://), through the same code `check` uses. Without `--engine`, the one
 * engine `docker ps` would talk to.
 */
import type Docker from 'dockerode';
import { processEnvironment, resolveEngineEndpoint } from '../runtime/dockerContext.js';
import { connectEngine } from '../runtime/engine.js';

export interface GradingEngine {
  /** How the report names it: the endpoint address, e.g. `unix:///var/run/docker.sock`. */
  name: string;
  docker: Docker;
}

export async function connectGradingEngines(urls: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<GradingEngine[]> {
  if (urls.length === 0) {
    const docker = await connectEngine(10_000, { env });
    return [{ name: engineName(env), docker }];
  }
  return Promise.all(
    [...new Set(urls)].map(async (url) => {
      const engineEnv = { ...env, DOCKER_HOST: url, DOCKER_CONTEXT: undefined };
      return { name: url, docker: await connectEngine(10_000, { env: engineEnv }) };
    }),
  );
}

function engineName(env: NodeJS.ProcessEnv): string {
  try {
    return resolveEngineEndpoint(processEnvironment(env)).host;
  } catch {
    return 'docker';
  }
}
