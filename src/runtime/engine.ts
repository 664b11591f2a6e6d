/**
 * Connecting to the Docker engine. dockerode (through docker-modem) honours DOCKER_HOST,
 * DOCKER_TLS_VERIFY and DOCKER_CERT_PATH; without them it uses the local socket. When no engine
 * answers, the user gets one sentence saying what to start, not a socket error.
 */
import Docker from 'dockerode';

export class EngineUnavailableError extends Error {
  constructor(detail: string) {
    super(
      `No Docker engine answered (${detail}). Start Docker Desktop, Colima, Podman's socket or dockerd, ` +
        'or point DOCKER_HOST at a running engine, then try again. Static checks work without one: add --static-only.',
    );
    this.name = 'EngineUnavailableError';
  }
}

/** Connects and pings within `timeoutMs`; throws EngineUnavailableError when nothing answers. */
export async function connectEngine(timeoutMs = 5_000): Promise<Docker> {
  const docker = new Docker();
  try {
    // The published types lag dockerode 5, which accepts an options object with an abort signal.
    await (docker.ping as unknown as (options: object) => Promise<unknown>).call(docker, { abortSignal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const where = process.env.DOCKER_HOST ?? '/var/run/docker.sock';
    const reason = error instanceof Error ? error.message : String(error);
    throw new EngineUnavailableError(`${where}: ${reason}`);
  }
  return docker;
}
