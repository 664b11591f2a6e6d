/**
 * `shipshape watch <challenge> [--dir DIR] [--static-only]`: rustlings' loop for learners who
 * keep their own editor. Every save re-checks (static at once, runtime after a quiet spell),
 * each verdict ends with the summary line `check` prints, and each is recorded as progress
 * when it checks the workspace. q or Ctrl-C stops it, after the running check has removed its
 * containers. Without a terminal it still works (a "q" line on stdin, or SIGINT/SIGTERM, stops it).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { lessonForItem } from '../../content/course.js';
import { recordVerdict } from '../../progress/recordVerdict.js';
import { formatVerdict } from '../../report/checkReport.js';
import { engineCheckRunner, type CheckRunner } from '../../watch/checkRunner.js';
import { watchFiles } from '../../watch/watchFiles.js';
import { createWatchLoop, type WatchEvent } from '../../watch/watchLoop.js';
import { ensureWorkspace, workspaceDir } from '../../workspace/workspace.js';
import { challengeArgument } from '../challengeArgument.js';
import { cliCourse } from '../course.js';
import type { Io } from '../main.js';
import { style } from '../style.js';
import { UsageError } from '../usage.js';

export interface WatchCommandOptions {
  challengeId: string;
  dir: string | undefined;
  staticOnly: boolean;
  runCheck?: CheckRunner;
}

export async function watchCommand(options: WatchCommandOptions, io: Io): Promise<number> {
  const course = (await cliCourse());
  const challenge = challengeArgument(course, options.challengeId, 'watch');
  const dir = options.dir === undefined ? ensureWorkspace(course, challenge) : path.resolve(options.dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--dir ${options.dir} is not a folder`, 'watch');
  const isWorkspace = path.resolve(dir) === path.resolve(workspaceDir(challenge));
  const lessonFor = (item: string | undefined) => lessonForItem(course, item);
  const err = (text: string) => io.err(style.dim(text, process.stderr));

  const onEvent = (event: WatchEvent) => {
    switch (event.type) {
      case 'check-started':
        err(`\n${new Date().toLocaleTimeString()} checking ${challenge.id}${event.staticOnly && challenge.checks.runtime ? ' (static rules)' : ''}...`);
        break;
      case 'check-event': {
        const e = event.event;
        if (e.type === 'build-step') err(`  build step ${e.step}/${e.total}: ${e.instruction}`);
        else if (e.type === 'phase' || e.type === 'note') err(`  ${e.message}`);
        else if (e.type === 'probe-started') err(`  probe ${e.index + 1}/${e.total}: ${e.title}`);
        break;
      }
      case 'runtime-scheduled':
        err(`  static rules pass; building and running in ${(event.inMs / 1000).toFixed(1)} s unless you save again`);
        break;
      case 'check-failed':
        io.out(style.red(`The check could not run: ${event.message}`));
        break;
      case 'check-finished': {
        const { verdict } = event;
        if (verdict.parseError) {
          const at = verdict.parseError;
          io.out(`${style.red('FAIL')} ${style.bold(`${at.file}:${at.line}:${at.column}`)} ${at.message}`);
        }
        if (verdict.checks.length > 0) io.out(formatVerdict(verdict, lessonFor, style));
        else if (verdict.parseError) io.out(style.red(`\n${challenge.id}: fix the file so it parses, then save again.`));
        if (event.final && isWorkspace) {
          const recorded = recordVerdict(challenge, verdict, event.staticOnly);
          if (recorded?.problem) io.err(`shipshape: ${recorded.problem}`);
        }
        err(`Watching ${challenge.files.join(', ')} in ${dir}: save to check again, q to quit.`);
        break;
      }
    }
  };

  const loop = createWatchLoop({ challenge, dir, staticOnly: options.staticOnly, runCheck: options.runCheck ?? engineCheckRunner, onEvent });
  const closeWatcher = watchFiles(dir, challenge.files, () => loop.changed());
  loop.changed();

  const reason = await new Promise<'quit' | 'interrupt'>((resolve) => {
    const stdin = process.stdin;
    const raw = stdin.isTTY === true;
    if (raw) stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    const onData = (chunk: string) => {
      // In raw mode Ctrl-C arrives as a byte, not as SIGINT.
      if (chunk.includes('\u0003')) finish('interrupt');
      else if (raw ? chunk.includes('q') : /^\s*q\s*$/m.test(chunk)) finish('quit');
    };
    const onSignal = () => finish('interrupt');
    const finish = (why: 'quit' | 'interrupt') => {
      stdin.off('data', onData);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (raw) stdin.setRawMode(false);
      stdin.pause();
      resolve(why);
    };
    stdin.on('data', onData);
    // Ours runs first and ends the loop; the CLI's own handler still removes what a check created.
    process.prependListener('SIGINT', onSignal);
    process.prependListener('SIGTERM', onSignal);
    stdin.resume();
  });
  closeWatcher();
  err('Stopping: cancelling the running check and removing what it created...');
  await loop.stop();
  const { cleanupAllSessions } = await import('../../runtime/session.js');
  await cleanupAllSessions(reason === 'quit' ? 'watch ended' : 'watch interrupted');
  return reason === 'quit' ? 0 : 130;
}
