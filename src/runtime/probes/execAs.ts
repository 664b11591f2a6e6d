/**
 * Running a command inside the probed container as a chosen user. Probes normally ask as the
 * container's own user (`ProbeContext.exec`); two kinds need another one: inventories (SUID
 * files, leftover files) look as root so unreadable folders hide nothing, and the SUID attack
 * plays an unprivileged attacker even when the app itself runs as root.
 */
import { PassThrough } from 'node:stream';
import type { ExecResult } from '../container.js';
import { timeouts } from '../limits.js';
import type { ProbeContext } from './types.js';

const MAX_OUTPUT = 256 * 1024;

export async function execAs(context: ProbeContext, user: string, cmd: string[], timeoutMs: number = timeouts.execMs): Promise<ExecResult> {
  const exec = await context.container.exec({ Cmd: cmd, User: user, AttachStdout: true, AttachStderr: true, AttachStdin: false, Tty: false });
  const stream = await exec.start({ hijack: true, stdin: false });
  const stdout = collect();
  const stderr = collect();
  context.docker.modem.demuxStream(stream, stdout.sink, stderr.sink);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      stream.destroy();
      reject(new Error(`\`${cmd.join(' ')}\` did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    stream.on('end', done);
    stream.on('close', done);
    stream.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  const info = await exec.inspect();
  return { exitCode: info.ExitCode ?? -1, stdout: stdout.text(), stderr: stderr.text() };
}

/** Output is capped so a hostile image cannot flood memory. */
function collect(): { sink: PassThrough; text: () => string } {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  let size = 0;
  sink.on('data', (chunk: Buffer) => {
    if (size >= MAX_OUTPUT) return;
    chunks.push(chunk);
    size += chunk.length;
  });
  return { sink, text: () => Buffer.concat(chunks).toString('utf8').slice(0, MAX_OUTPUT) };
}

