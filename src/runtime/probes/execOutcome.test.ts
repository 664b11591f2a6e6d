import { describe, expect, it } from 'vitest';
import { execOutcome, firstOutputLine } from './execOutcome.js';

const refused = (message: string) => ({ exitCode: 126, stdout: `OCI runtime exec failed: exec failed: unable to start container process: ${message}: unknown\r\n`, stderr: '' });

describe('execOutcome', () => {
  it('sees a binary missing from PATH or from its absolute path', () => {
    expect(execOutcome(refused('exec: "sh": executable file not found in $PATH'))).toBe('missing');
    expect(execOutcome(refused('exec: "/bin/sh": stat /bin/sh: no such file or directory'))).toBe('missing');
  });

  it('tells a file that cannot be executed from a missing one', () => {
    expect(execOutcome(refused('exec: "/etc/passwd": permission denied'))).toBe('not-executable');
  });

  it('treats a program that ran and exited 127 by itself as ran', () => {
    expect(execOutcome({ exitCode: 127, stdout: '', stderr: '' })).toBe('ran');
    expect(execOutcome({ exitCode: 1, stdout: '', stderr: 'touch: /x: Read-only file system' })).toBe('ran');
    expect(execOutcome({ exitCode: 0, stdout: 'ok', stderr: '' })).toBe('ran');
  });
});

describe('firstOutputLine', () => {
  it('prefers stderr and skips blank lines', () => {
    expect(firstOutputLine({ exitCode: 1, stdout: 'out\n', stderr: '\n  err line \nmore' })).toBe('err line');
    expect(firstOutputLine({ exitCode: 0, stdout: '', stderr: '' })).toBe('no output');
  });
});
