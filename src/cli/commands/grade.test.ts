import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('shipshape grade (no engine needed)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipshape-grade-cli-'));

  it('exits 2 with a plain message on usage errors', async () => {
    for (const [argv, message] of [
      [['grade'], /expected 1 argument/],
      [['grade', path.join(dir, 'missing')], /is not a folder of submissions/],
      [['grade', dir, '--format', 'xml'], /expected one of json, junit, csv, text/],
      [['grade', dir, '--shard', '3/2'], /expected i\/n/],
      [['grade', dir, '--jobs', '0'], /whole number from 1 to 64/],
      [['grade', dir, '--challenges', 'no-such-challenge'], /no challenge "no-such-challenge"/],
      [['grade', dir, '--sign-key', 'k.pem'], /--sign-key needs --out/],
      [['grade', 'merge', path.join(dir, 'nope.json')], /no such file/],
    ] as const) {
      const result = await run([...argv]);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/internal error/);
    }
  });

  it('grades static-only challenges without an engine and marks what was not submitted', async () => {
    const submissions = path.join(dir, 'class');
    mkdirSync(path.join(submissions, 'bob', 'ci-image-scanning'), { recursive: true });
    mkdirSync(path.join(submissions, 'amy'), { recursive: true });
    const result = await run(['grade', submissions, '--challenges', 'ci-image-scanning', '--format', 'csv']);
    expect(result.code).toBe(0);
    const rows = result.stdout.split('\r\n');
    expect(rows[0]).toBe('student,ci-image-scanning,total,max');
    expect(rows.slice(1, 3).map((r) => r.split(',')[0])).toEqual(['amy', 'bob']);
    const json = await run(['grade', submissions, '--challenges', 'ci-image-scanning']);
    const report = JSON.parse(json.stdout) as { students: { id: string; challenges: { checks: { evidence: string }[] }[] }[] };
    expect(report.students[0]?.challenges[0]?.checks[0]?.evidence).toMatch(/not submitted/);
  });

  it('refuses a seeds file with a broken line, naming the line', async () => {
    const seeds = path.join(dir, 'seeds.csv');
    writeFileSync(seeds, 'student,seed\nalice\n');
    const result = await run(['grade', dir, '--seeds', seeds]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/seeds\.csv:2: expected two columns/);
    expect(readFileSync(seeds, 'utf8')).toContain('alice');
  });
});
