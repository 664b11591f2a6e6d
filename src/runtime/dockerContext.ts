/**
 * Which Docker engine to talk to, decided the way the docker CLI decides it, so that shipshape
 * reaches the same engine as `docker ps` does: DOCKER_HOST wins, then DOCKER_CONTEXT, then the
 * `currentContext` in $DOCKER_CONFIG/config.json. With nothing configured, the usual socket, or
 * else the first socket that exists of rootless Docker, Docker Desktop, Colima and Podman.
 *
 * Resolution only reads small files and checks paths; it never connects. The result says how the
 * endpoint was chosen, so an error can tell the user where we looked and why.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TlsMaterial {
  /** PEM files; each only when it exists. */
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  /** The context's SkipTLSVerify: talk TLS but do not check the server's certificate. */
  skipVerify: boolean;
}

export interface EngineEndpoint {
  /** As Docker writes it: `unix:///var/run/docker.sock`, `tcp://host:2376`, `npipe:////./pipe/docker_engine`. */
  host: string;
  /** How it was chosen, for messages: "from DOCKER_HOST", "from context colima", ... */
  source: string;
  tls?: TlsMaterial;
}

export class DockerContextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DockerContextError';
  }
}

export interface ResolveEnvironment {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  platform: NodeJS.Platform;
  /** Injected so tests can describe which sockets exist without creating them. */
  exists: (file: string) => boolean;
}

const DEFAULT_SOCKET = '/var/run/docker.sock';
const WINDOWS_PIPE = 'npipe:////./pipe/docker_engine';

/** The environment of this process: real env, home folder and filesystem. */
export function processEnvironment(env: NodeJS.ProcessEnv = process.env): ResolveEnvironment {
  return { env, homeDir: os.homedir(), platform: process.platform, exists: existsSync };
}

/**
 * Decides the engine endpoint.
 *
 * @example
 * resolveEngineEndpoint({ ...processEnvironment(), env: { DOCKER_HOST: 'tcp://127.0.0.1:2375' } })
 * // -> { host: 'tcp://127.0.0.1:2375', source: 'from DOCKER_HOST' }
 */
export function resolveEngineEndpoint(where: ResolveEnvironment = processEnvironment()): EngineEndpoint {
  const { env } = where;
  if (env.DOCKER_HOST) {
    // Like the docker CLI, a non-empty DOCKER_TLS_VERIFY turns TLS on; like docker-modem, so
    // does a DOCKER_CERT_PATH on its own.
    const tls = env.DOCKER_TLS_VERIFY || env.DOCKER_CERT_PATH ? tlsFiles(env.DOCKER_CERT_PATH || configDir(where), where, false) : undefined;
    return { host: env.DOCKER_HOST, source: 'from DOCKER_HOST', ...(tls ? { tls } : {}) };
  }
  const fromEnv = env.DOCKER_CONTEXT;
  const contextName = fromEnv || currentContextOf(where);
  if (contextName && contextName !== 'default') {
    return contextEndpoint(contextName, fromEnv ? `from DOCKER_CONTEXT=${contextName}` : `from context ${contextName}`, where);
  }
  return defaultEndpoint(where);
}

/** Where docker keeps config.json and contexts: $DOCKER_CONFIG or ~/.docker. */
export function configDir(where: ResolveEnvironment): string {
  return where.env.DOCKER_CONFIG || path.join(where.homeDir, '.docker');
}

/** The folder name docker gives a context's metadata: the SHA-256 of its name, in hex. */
export function contextDirName(contextName: string): string {
  return createHash('sha256').update(contextName).digest('hex');
}

function currentContextOf(where: ResolveEnvironment): string | undefined {
  const file = path.join(configDir(where), 'config.json');
  const config = readJson(file);
  const current = (config as { currentContext?: unknown } | undefined)?.currentContext;
  return typeof current === 'string' && current !== '' ? current : undefined;
}

function contextEndpoint(name: string, source: string, where: ResolveEnvironment): EngineEndpoint {
  const hash = contextDirName(name);
  const metaFile = path.join(configDir(where), 'contexts', 'meta', hash, 'meta.json');
  const meta = readJson(metaFile) as { Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } } } | undefined;
  if (meta === undefined) {
    throw new DockerContextError(`docker context "${name}" (${source}) has no readable metadata at ${metaFile}; run \`docker context ls\` to see the contexts`);
  }
  const docker = meta.Endpoints?.docker;
  if (typeof docker?.Host !== 'string' || docker.Host === '') {
    throw new DockerContextError(`docker context "${name}" (${source}) names no Docker endpoint in ${metaFile}`);
  }
  const tlsDir = path.join(configDir(where), 'contexts', 'tls', hash, 'docker');
  const tls = tlsFiles(tlsDir, where, docker.SkipTLSVerify === true);
  const hasTls = tls.caFile !== undefined || tls.certFile !== undefined || tls.skipVerify;
  return { host: docker.Host, source, ...(hasTls ? { tls } : {}) };
}

function tlsFiles(dir: string, where: ResolveEnvironment, skipVerify: boolean): TlsMaterial {
  const pick = (file: string) => (where.exists(path.join(dir, file)) ? path.join(dir, file) : undefined);
  const ca = pick('ca.pem');
  const cert = pick('cert.pem');
  const key = pick('key.pem');
  return { ...(ca ? { caFile: ca } : {}), ...(cert ? { certFile: cert } : {}), ...(key ? { keyFile: key } : {}), skipVerify };
}

/** Sockets of engines that do not use /var/run/docker.sock, in the order we try them. */
export function alternativeSockets(where: ResolveEnvironment): { socket: string; engine: string }[] {
  const runtimeDir = where.env.XDG_RUNTIME_DIR;
  const home = where.homeDir;
  return [
    ...(runtimeDir ? [{ socket: path.join(runtimeDir, 'docker.sock'), engine: 'rootless Docker' }] : []),
    { socket: path.join(home, '.docker', 'run', 'docker.sock'), engine: 'Docker Desktop' },
    { socket: path.join(home, '.colima', 'default', 'docker.sock'), engine: 'Colima' },
    { socket: path.join(home, '.colima', 'docker.sock'), engine: 'Colima' },
    ...(runtimeDir ? [{ socket: path.join(runtimeDir, 'podman', 'podman.sock'), engine: 'Podman' }] : []),
  ];
}

function defaultEndpoint(where: ResolveEnvironment): EngineEndpoint {
  if (where.platform === 'win32') return { host: WINDOWS_PIPE, source: 'the default named pipe' };
  if (where.exists(DEFAULT_SOCKET)) return { host: `unix://${DEFAULT_SOCKET}`, source: 'the default socket' };
  const found = alternativeSockets(where).find(({ socket }) => where.exists(socket));
  if (found) return { host: `unix://${found.socket}`, source: `found ${found.engine}'s socket (nothing configured)` };
  return { host: `unix://${DEFAULT_SOCKET}`, source: 'the default socket; no rootless, Docker Desktop, Colima or Podman socket found either' };
}

/** What dockerode's constructor wants for an endpoint (certificates already read). */
export interface ModemSettings {
  socketPath?: string;
  protocol?: 'http' | 'https' | 'ssh';
  host?: string;
  port?: number;
  /** For ssh:// (docker-modem tunnels through ssh2, authenticating with the ssh agent). */
  username?: string;
  ca?: string;
  cert?: string;
  key?: string;
  /** Set only for SkipTLSVerify. */
  rejectUnauthorized?: boolean;
}

/**
 * Turns an endpoint into dockerode settings. `readFile` is injected for tests.
 *
 * @example
 * modemSettings({ host: 'unix:///run/user/1000/docker.sock', source: '...' })
 * // -> { socketPath: '/run/user/1000/docker.sock' }
 */
export function modemSettings(endpoint: EngineEndpoint, readFile: (file: string) => string = (file) => readFileSync(file, 'utf8')): ModemSettings {
  const { host } = endpoint;
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  // docker writes npipe:////./pipe/name; Node opens named pipes as //./pipe/name.
  if (host.startsWith('npipe://')) return { socketPath: host.slice('npipe://'.length).replace(/^\/\/\/\//, '//') };
  const ssh = /^ssh:\/\/(?:([^@/]+)@)?([^/:]+|\[[^\]]+\])(?::(\d+))?\/?$/.exec(host);
  if (ssh) {
    const [, username, hostname = '', port] = ssh;
    return { protocol: 'ssh', host: hostname.replace(/^\[|\]$/g, ''), port: port ? Number(port) : 22, ...(username ? { username } : {}) };
  }
  const match = /^(tcp|http|https):\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?\/?$/.exec(host);
  if (!match) {
    throw new DockerContextError(`the Docker endpoint ${host} (${endpoint.source}) is not one shipshape can use: expected unix://, tcp://, ssh:// or npipe://`);
  }
  const [, scheme, hostname = '', port] = match;
  const tls = endpoint.tls;
  // 2376 is the TLS port by convention; docker-modem assumes TLS there too.
  const secure = scheme === 'https' || tls !== undefined || port === '2376';
  const read = (file: string | undefined) => (file ? readFile(file) : undefined);
  return {
    protocol: secure ? 'https' : 'http',
    host: hostname.replace(/^\[|\]$/g, ''),
    port: port ? Number(port) : secure ? 2376 : 2375,
    ...(tls?.caFile ? { ca: read(tls.caFile) } : {}),
    ...(tls?.certFile ? { cert: read(tls.certFile) } : {}),
    ...(tls?.keyFile ? { key: read(tls.keyFile) } : {}),
    ...(tls?.skipVerify ? { rejectUnauthorized: false } : {}),
  };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
