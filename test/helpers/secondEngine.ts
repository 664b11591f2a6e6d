/**
 * A second Docker engine beside the first, for tests that spread work over two: its own
 * dockerd with its own data root, exec root, pid file and socket (docker-lab.md), no bridge
 * network, stopped by its pid. CI starts from a fresh clone, so the test starts it itself.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type Docker from 'dockerode';
import { connectEngine } from '../../src/runtime/engine.js';

export interface SecondEngine {
  host: string;
  docker: Docker;
  stop: () => Promise<void>;
}

export async function startSecondEngine(): Promise<SecondEngine> {
  // Short paths: a unix socket path must stay under 108 bytes, and containerd's live under exec-root.
  const root = `/tmp/ss2-${process.pid}`;
  rmSync(root, { recursive: true, force: true });
  for (const dir of ['data', 'exec']) mkdirSync(path.join(root, dir), { recursive: true });
  const socket = path.join(root, 'docker.sock');
  const pidfile = path.join(root, 'docker.pid');
  const log = openSync(path.join(root, 'dockerd.log'), 'a');
  const daemon = spawn(
    'dockerd',
    ['--host', `unix://${socket}`, '--data-root', path.join(root, 'data'), '--exec-root', path.join(root, 'exec'), '--pidfile', pidfile, '--bridge=none', '--iptables=false', '--ip-masq=false'],
    { stdio: ['ignore', log, log], detached: false },
  );
  const host = `unix://${socket}`;
  let docker: Docker | undefined;
  for (let attempt = 0; attempt < 120 && !docker; attempt++) {
    if (daemon.exitCode !== null) break;
    if (existsSync(socket)) docker = await connectEngine(2_000, { env: { DOCKER_HOST: host } }).catch(() => undefined);
    if (!docker) await sleep(500);
  }
  const stop = async () => {
    const pid = existsSync(pidfile) ? Number(readFileSync(pidfile, 'utf8').trim()) : daemon.pid;
    if (pid) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    for (let attempt = 0; attempt < 60 && daemon.exitCode === null; attempt++) await sleep(250);
    if (daemon.exitCode === null && daemon.pid) process.kill(daemon.pid, 'SIGKILL');
    rmSync(root, { recursive: true, force: true });
  };
  if (!docker) {
    await stop();
    throw new Error(`the second dockerd did not answer on ${socket}; see its log under ${root}`);
  }
  return { host, docker, stop };
}
