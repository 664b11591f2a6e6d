/**
 * Connecting to the Docker engine. The endpoint is chosen as the docker CLI chooses it
 * (dockerContext.ts: DOCKER_HOST, DOCKER_CONTEXT, the current context, then the usual sockets),
 * so shipshape reaches the engine `docker ps` reaches. When none answers, the user gets one
 * sentence naming the endpoint tried, how it was chosen, and what to start; not a socket error.
 */
import https from 'node:https';
import Docker from 'dockerode';
import { modemSettings, processEnvironment, resolveEngineEndpoint, type EngineEndpoint } from './dockerContext.js';

export class EngineUnavailableError extends Error {
  constructor(detail: string) {
    super(
      `No Docker engine answered (${detail}). Start Docker Desktop, Colima, Podman's socket or dockerd, ` +
        'or point DOCKER_HOST at a running engine, then try again. Static checks work without one: add --static-only.',
    );
    this.name = 'EngineUnavailableError';
  }
}

export interface ConnectOptions {
  /** Defaults to process.env; tests pass their own DOCKER_HOST / DOCKER_CONTEXT / DOCKER_CONFIG. */
  env?: NodeJS.ProcessEnv;
}

let shared: Promise<Docker> | undefined;

/**
 * Connects and pings within `timeoutMs`; throws EngineUnavailableError when nothing answers.
 * One connection per process for the usual environment (`author check` runs many checks, the
 * reaper and the sweep reuse it); a failure is not remembered, so a later call tries again.
 */
export function connectEngine(timeoutMs = 5_000, options: ConnectOptions = {}): Promise<Docker> {
  if (options.env !== undefined) return connectOnce(timeoutMs, options);
  shared ??= connectOnce(timeoutMs, options);
  const connection = shared;
  connection.catch(() => {
    if (shared === connection) shared = undefined;
  });
  return connection;
}

async function connectOnce(timeoutMs: number, options: ConnectOptions): Promise<Docker> {
  let endpoint: EngineEndpoint | undefined;
  let docker: Docker;
  try {
    const env = options.env ?? process.env;
    endpoint = resolveEngineEndpoint(processEnvironment(env));
    docker = new Docker(dockerodeOptions(endpoint, env));
  } catch (error) {
    // A broken context or an endpoint we cannot use: same answer as an engine that is down.
    throw new EngineUnavailableError(error instanceof Error ? error.message : String(error));
  }
  try {
    // The published types lag dockerode 5, which accepts an options object with an abort signal.
    await (docker.ping as unknown as (options: object) => Promise<unknown>).call(docker, { abortSignal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EngineUnavailableError(`${endpoint.host}, ${endpoint.source}: ${reason}`);
  }
  return docker;
}

function dockerodeOptions(endpoint: EngineEndpoint, env: NodeJS.ProcessEnv): Docker.DockerOptions {
  const { rejectUnauthorized, ...settings } = modemSettings(endpoint);
  if (settings.protocol === 'ssh') return { ...settings, sshOptions: { agent: env.SSH_AUTH_SOCK } } as Docker.DockerOptions;
  if (rejectUnauthorized === false) {
    // SkipTLSVerify: docker-modem has no switch for it, but it uses an agent we hand it.
    return { ...settings, agent: new https.Agent({ rejectUnauthorized: false, ca: settings.ca, cert: settings.cert, key: settings.key }) } as Docker.DockerOptions;
  }
  return settings as Docker.DockerOptions;
}
