import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contextDirName, DockerContextError, modemSettings, resolveEngineEndpoint, type ResolveEnvironment } from './dockerContext.js';

let home: string;

beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'shipshape-dockerctx-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** A fake machine: its home folder is a temp dir; only the listed sockets "exist". */
function machine(env: NodeJS.ProcessEnv, sockets: string[] = [], platform: NodeJS.Platform = 'linux'): ResolveEnvironment {
  return { env, homeDir: home, platform, exists: (file) => sockets.includes(file) || (file.startsWith(home) && existsSync(file)) };
}

function writeContext(configDir: string, name: string, endpoint: object, tls: string[] = []): void {
  const hash = contextDirName(name);
  mkdirSync(path.join(configDir, 'contexts', 'meta', hash), { recursive: true });
  writeFileSync(path.join(configDir, 'contexts', 'meta', hash, 'meta.json'), JSON.stringify({ Name: name, Endpoints: { docker: endpoint } }));
  if (tls.length > 0) {
    const dir = path.join(configDir, 'contexts', 'tls', hash, 'docker');
    mkdirSync(dir, { recursive: true });
    for (const file of tls) writeFileSync(path.join(dir, file), `PEM of ${file}`);
  }
}

describe('resolveEngineEndpoint', () => {
  it('uses DOCKER_HOST before any context', () => {
    const configDir = path.join(home, '.docker');
    writeContext(configDir, 'colima', { Host: 'unix:///colima.sock' });
    const endpoint = resolveEngineEndpoint(machine({ DOCKER_HOST: 'tcp://127.0.0.1:2375', DOCKER_CONTEXT: 'colima' }));
    expect(endpoint).toEqual({ host: 'tcp://127.0.0.1:2375', source: 'from DOCKER_HOST' });
  });

  it('reads the context named by DOCKER_CONTEXT from $DOCKER_CONFIG, found by the sha256 of its name', () => {
    const configDir = path.join(home, 'elsewhere');
    writeContext(configDir, 'colima', { Host: `unix://${home}/.colima/default/docker.sock`, SkipTLSVerify: false });
    const endpoint = resolveEngineEndpoint(machine({ DOCKER_CONTEXT: 'colima', DOCKER_CONFIG: configDir }));
    expect(endpoint).toEqual({ host: `unix://${home}/.colima/default/docker.sock`, source: 'from DOCKER_CONTEXT=colima' });
    expect(contextDirName('colima')).toMatch(/^[0-9a-f]{64}$/);
  });

  it("uses config.json's currentContext, with its TLS material", () => {
    const configDir = path.join(home, '.docker');
    writeContext(configDir, 'remote', { Host: 'tcp://10.0.0.5:2376', SkipTLSVerify: true }, ['ca.pem', 'cert.pem', 'key.pem']);
    writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ currentContext: 'remote' }));
    const endpoint = resolveEngineEndpoint(machine({}));
    const tlsDir = path.join(configDir, 'contexts', 'tls', contextDirName('remote'), 'docker');
    expect(endpoint.source).toBe('from context remote');
    expect(endpoint.host).toBe('tcp://10.0.0.5:2376');
    expect(endpoint.tls).toEqual({ caFile: path.join(tlsDir, 'ca.pem'), certFile: path.join(tlsDir, 'cert.pem'), keyFile: path.join(tlsDir, 'key.pem'), skipVerify: true });
  });

  it('treats the context "default" as no context', () => {
    mkdirSync(path.join(home, '.docker'));
    writeFileSync(path.join(home, '.docker', 'config.json'), JSON.stringify({ currentContext: 'default' }));
    expect(resolveEngineEndpoint(machine({}, ['/var/run/docker.sock']))).toEqual({ host: 'unix:///var/run/docker.sock', source: 'the default socket' });
  });

  it('names a missing context and where it looked', () => {
    expect(() => resolveEngineEndpoint(machine({ DOCKER_CONTEXT: 'ghost' }))).toThrow(DockerContextError);
    expect(() => resolveEngineEndpoint(machine({ DOCKER_CONTEXT: 'ghost' }))).toThrow(/context "ghost" \(from DOCKER_CONTEXT=ghost\).*meta\.json/);
  });

  it('falls back to rootless Docker, then Colima, then Podman when /var/run/docker.sock is absent', () => {
    const rootless = '/run/user/1000/docker.sock';
    const podman = '/run/user/1000/podman/podman.sock';
    const colima = path.join(home, '.colima', 'default', 'docker.sock');
    const env = { XDG_RUNTIME_DIR: '/run/user/1000' };
    expect(resolveEngineEndpoint(machine(env, [rootless, colima, podman])).host).toBe(`unix://${rootless}`);
    expect(resolveEngineEndpoint(machine(env, [colima, podman]))).toEqual({ host: `unix://${colima}`, source: "found Colima's socket (nothing configured)" });
    expect(resolveEngineEndpoint(machine(env, [podman])).source).toBe("found Podman's socket (nothing configured)");
    expect(resolveEngineEndpoint(machine(env, [])).host).toBe('unix:///var/run/docker.sock');
  });

  it('uses the named pipe on Windows', () => {
    expect(resolveEngineEndpoint(machine({}, [], 'win32')).host).toBe('npipe:////./pipe/docker_engine');
  });
});

describe('modemSettings', () => {
  it('maps unix sockets and named pipes to a socket path', () => {
    expect(modemSettings({ host: 'unix:///run/user/1000/docker.sock', source: 's' })).toEqual({ socketPath: '/run/user/1000/docker.sock' });
    expect(modemSettings({ host: 'npipe:////./pipe/docker_engine', source: 's' })).toEqual({ socketPath: '//./pipe/docker_engine' });
  });

  it('maps tcp to http, or to https with the PEMs read when there is TLS material', () => {
    expect(modemSettings({ host: 'tcp://127.0.0.1:2375', source: 's' })).toEqual({ protocol: 'http', host: '127.0.0.1', port: 2375 });
    const read = (file: string) => `read ${file}`;
    expect(modemSettings({ host: 'tcp://engine.example:2376', source: 's', tls: { caFile: '/c/ca.pem', certFile: '/c/cert.pem', keyFile: '/c/key.pem', skipVerify: true } }, read)).toEqual({
      protocol: 'https',
      host: 'engine.example',
      port: 2376,
      ca: 'read /c/ca.pem',
      cert: 'read /c/cert.pem',
      key: 'read /c/key.pem',
      rejectUnauthorized: false,
    });
  });

  it('passes ssh:// through to docker-modem with the user name', () => {
    expect(modemSettings({ host: 'ssh://me@box:2222', source: 's' })).toEqual({ protocol: 'ssh', host: 'box', port: 2222, username: 'me' });
  });

  it('refuses schemes it cannot use, naming the endpoint and its source', () => {
    expect(() => modemSettings({ host: 'fd://3', source: 'from context box' })).toThrow(/fd:\/\/3 \(from context box\)/);
  });
});
