import { describe, expect, it } from 'vitest';
import { buildFailureMessage } from './commandNotFound.js';

const classic = "The command '/bin/sh -c addgroup -g 1001 -S appgroup && adduser -S appuser -u 1001 -G appgroup' returned a non-zero code: 127";

describe('buildFailureMessage', () => {
  it('names the missing command and the learner\'s instruction (busybox sh)', () => {
    expect(buildFailureMessage(classic, ['Step 2/2 : RUN addgroup ...', ' ---> Running in 0a2b', '\u001b[91m/bin/sh: addgroup: not found', '\u001b[0m'], 'Step 2/2 : RUN addgroup -g 1001 -S appgroup && adduser -S appuser -u 1001 -G appgroup'))
      .toBe('command not found: addgroup, in `RUN addgroup -g 1001 -S appgroup && adduser -S appuser -u 1001 -G appgroup` (the shell said: /bin/sh: addgroup: not found)');
  });

  it('reads dash and bash wording and BuildKit steps', () => {
    expect(buildFailureMessage('process "/bin/sh -c useradd app" did not complete successfully: exit code: 127', ['#5 0.2 /bin/sh: 1: useradd: not found'], '[2/3] RUN useradd app'))
      .toBe('command not found: useradd, in `RUN useradd app` (the shell said: #5 0.2 /bin/sh: 1: useradd: not found)');
    expect(buildFailureMessage('returned a non-zero code: 127', ['bash: curl: command not found'], undefined)).toBe('command not found: curl (the shell said: bash: curl: command not found)');
  });

  it('names the program of an exec-form step', () => {
    expect(buildFailureMessage('OCI runtime create failed: exec: "adduser": executable file not found in $PATH: unknown', [], 'Step 2/2 : RUN ["adduser", "-D", "app"]'))
      .toBe('command not found: adduser, in `RUN ["adduser", "-D", "app"]` (no such program in the image)');
  });

  it('still says a command was missing when the shell\'s words are not in the log', () => {
    expect(buildFailureMessage('returned a non-zero code: 127', [], undefined)).toMatch(/^command not found: a program this step runs/);
  });

  it('names the one command of a simple RUN when the shell\'s words are not in the log', () => {
    expect(buildFailureMessage('returned a non-zero code: 127', [], 'Step 3/3 : RUN useradd -r -u 10001 app')).toBe(
      "command not found: useradd, in `RUN useradd -r -u 10001 app` (the step exited 127, the shell's code for a missing command)",
    );
    // With more than one command, any of them may be the missing one.
    for (const run of ['RUN addgroup app && adduser app', 'RUN a; b', 'RUN x | y', 'RUN $(which tool)', 'RUN FOO=1 tool', 'RUN --mount=type=cache,target=/c tool']) {
      expect(buildFailureMessage('exit code: 127', [], `[2/2] ${run}`)).toMatch(/^command not found: a program this step runs/);
    }
  });

  it('leaves every other failure as the builder said it', () => {
    expect(buildFailureMessage("The command '/bin/sh -c false' returned a non-zero code: 1", ['x'], 'Step 2/2 : RUN false')).toBe("The command '/bin/sh -c false' returned a non-zero code: 1");
    expect(buildFailureMessage('exit code: 1270', [], undefined)).toBe('exit code: 1270');
  });
});
