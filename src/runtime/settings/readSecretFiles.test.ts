import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_SECRET_BYTES, readSecretFiles } from './readSecretFiles.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'shipshape-secrets-'));
const challenge = path.join(scratch, 'challenge');
mkdirSync(path.join(challenge, 'secrets'), { recursive: true });
writeFileSync(path.join(challenge, 'secrets', 'db_password.txt'), 'hunter2\n');
writeFileSync(path.join(scratch, 'outside.txt'), 'not yours');
symlinkSync(path.join(scratch, 'outside.txt'), path.join(challenge, 'secrets', 'sneaky.txt'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const request = (file: string) => ({ name: 'db', file, target: '/run/secrets/db', mode: 0o400 });

describe('readSecretFiles', () => {
  it('reads a file inside the challenge folder', () => {
    const read = readSecretFiles(challenge, [request('secrets/db_password.txt')]);
    expect(read.refusals).toEqual([]);
    expect(read.files.map((f) => ({ ...f, content: f.content.toString('utf8') }))).toEqual([{ name: 'db', target: '/run/secrets/db', mode: 0o400, content: 'hunter2\n' }]);
  });

  it.each([['../outside.txt'], ['secrets/sneaky.txt'], [path.join(scratch, 'outside.txt')]])('refuses %s, which leads outside', (file) => {
    const read = readSecretFiles(challenge, [request(file)]);
    expect(read.files).toEqual([]);
    expect(read.refusals[0]?.reason).toMatch(/only files inside the challenge folder/);
  });

  it('says so when the file is missing, or is a folder', () => {
    const read = readSecretFiles(challenge, [request('secrets/nope.txt'), request('secrets')]);
    expect(read.invalid.map((i) => i.reason)).toEqual([expect.stringMatching(/does not exist/), expect.stringMatching(/secrets is a folder, not a file/)]);
  });
});

describe('readSecretFiles never blocks or reads without bounds', () => {
  it('refuses a FIFO, a device link and a file over the cap, each with why', async () => {
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [path.join(challenge, 'secrets', 'pipe')]);
    writeFileSync(path.join(challenge, 'secrets', 'big'), Buffer.alloc(MAX_SECRET_BYTES + 1));
    symlinkSync('/dev/zero', path.join(challenge, 'secrets', 'zero'));
    const read = readSecretFiles(challenge, [request('secrets/pipe'), request('secrets/big')]);
    expect(read.files).toEqual([]);
    expect(read.invalid.map((i) => i.reason)).toEqual([expect.stringMatching(/secrets\/pipe is a FIFO \(named pipe\), not a file/), expect.stringMatching(/larger than 1048576 bytes/)]);
    expect(readSecretFiles(challenge, [request('secrets/zero')]).refusals[0]?.reason).toMatch(/only files inside the challenge folder/);
  });
});
