import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLearnerModel } from './learnerFiles.js';
import { readInsideFolder } from './safeRead.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'shipshape-safe-read-'));
const root = realpathSync(scratch);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const secretOutside = path.join(root, '..', `shipshape-outside-${process.pid}.txt`);
writeFileSync(secretOutside, 'root:$6$very-secret-hash:19000:0:99999:7:::\n');
afterAll(() => rmSync(secretOutside, { force: true }));

function at(name: string): string {
  const full = path.join(root, name);
  mkdirSync(path.dirname(full), { recursive: true });
  return full;
}

describe('readInsideFolder', () => {
  it('reads a regular file inside the folder', () => {
    writeFileSync(at('Dockerfile'), 'FROM busybox:1.36.1\n');
    const read = readInsideFolder(root, 'Dockerfile', 1024);
    expect(read.state === 'read' && read.content.toString()).toBe('FROM busybox:1.36.1\n');
  });

  it('follows a link that stays inside the folder', () => {
    writeFileSync(at('real/Dockerfile'), 'FROM scratch\n');
    symlinkSync('real/Dockerfile', at('Dockerfile.inside'));
    expect(readInsideFolder(root, 'Dockerfile.inside', 1024).state).toBe('read');
  });

  it.each([
    ['a link to a file outside (/etc/shadow)', 'shadow', () => symlinkSync(secretOutside, at('shadow')), /shadow is a symbolic link to something outside the challenge folder/],
    ['a link to /dev/zero', 'zero', () => symlinkSync('/dev/zero', at('zero')), /symbolic link to something outside/],
    ['a FIFO', 'fifo', () => execFileSync('mkfifo', [at('fifo')]), /fifo is a FIFO \(named pipe\), not a regular file/],
    ['a folder', 'compose.yaml', () => mkdirSync(at('compose.yaml')), /compose\.yaml is a folder, not a regular file/],
    ['a file over the cap', 'big', () => writeFileSync(at('big'), Buffer.alloc(2048)), /big is larger than 1024 bytes/],
    ['a path leading out', '../elsewhere', () => undefined, /outside the challenge folder/],
    ['a loop of links', 'loop', () => symlinkSync('loop', at('loop')), /a loop of symbolic links/],
  ])('refuses %s, saying why and echoing nothing it points at', (_name, file, make, reason) => {
    make();
    const read = readInsideFolder(root, file, 1024);
    expect(read).toEqual({ state: 'refused', reason: expect.stringMatching(reason) });
    expect(JSON.stringify(read)).not.toMatch(/very-secret-hash/);
  });

  it('says missing for a file that is not there, or under a file', () => {
    writeFileSync(at('plain'), 'x');
    expect(readInsideFolder(root, 'nothing-here', 1024)).toEqual({ state: 'missing' });
    expect(readInsideFolder(root, 'plain/below', 1024)).toEqual({ state: 'missing' });
  });
});

describe('readLearnerModel', () => {
  it('keeps a refused file as a parse error at line 1, and a missing one as missing', () => {
    const dir = at('model');
    mkdirSync(dir, { recursive: true });
    symlinkSync(secretOutside, path.join(dir, 'Dockerfile'));
    const model = readLearnerModel(dir, ['Dockerfile', 'compose.yaml']);
    expect(model.parse('compose.yaml', 'compose')).toEqual({ state: 'missing' });
    const parsed = model.parse('Dockerfile', 'dockerfile');
    expect(parsed.state).toBe('error');
    expect(model.firstParseError()?.format()).toMatch(/^Dockerfile:1:1: Dockerfile is a symbolic link to something outside the challenge folder/);
  });
});

describe('readLearnerModel of a folder that is not there', () => {
  it('says so as an input error, not a crash', () => {
    expect(() => readLearnerModel(path.join(root, 'no-such-folder'), ['Dockerfile'])).toThrow(/this folder does not exist/);
  });
});
