/**
 * The built CLI in a real pseudo-terminal (test/helpers/run_in_pty.py), with a screen of its own
 * size: type keys, wait for text to appear, read the exit code. Waits poll the output instead
 * of sleeping a guessed time.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { binPath, repoRoot } from './cli.js';

// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[()][0-9A-Za-z]|\u001b[=>78M]|\r/g;
export const stripAnsi = (text: string) => text.replace(ansi, '');

export function runInTerminal(args: string[], env: NodeJS.ProcessEnv, size = { rows: 30, columns: 100 }) {
  const child = spawn('python3', [path.join(repoRoot, 'test/helpers/run_in_pty.py'), String(size.rows), String(size.columns), process.execPath, binPath, ...args], {
    cwd: repoRoot,
    env: { ...process.env, TERM: 'xterm-256color', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let seen = 0;
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    /** Types keys, one write per key as a person would press them. */
    async press(...keys: string[]) {
      for (const key of keys) {
        child.stdin.write(key);
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
    },
    /** Waits for text to appear in output written since the last wait matched. */
    async waitFor(text: string | RegExp, timeoutMs = 20_000): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const fresh = stripAnsi(output.slice(seen));
        const index = typeof text === 'string' ? fresh.indexOf(text) : fresh.search(text);
        if (index >= 0) {
          seen = output.length;
          return fresh;
        }
        if (Date.now() > deadline) throw new Error(`"${String(text)}" did not appear; the screen ended with:\n${stripAnsi(output).slice(-1500)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    output: () => stripAnsi(output),
    exited,
    kill: () => child.kill('SIGKILL'),
  };
}
