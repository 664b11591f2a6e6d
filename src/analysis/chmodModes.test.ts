import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../parse/dockerfile.js';
import { chmodUses } from './chmodModes.js';
import { runScript, splitCommands } from './shellCommands.js';

const SCRIPTS = [
  'chmod -R 777 /app',
  '/bin/ch"mod" 4755 /x && "chmod" u+s /y',
  "busybox chmod 'a-s' /z; install -d -m 3777 /srv/drop",
  'apt-get update \\\n  && mkdir -m 1777 /tmp/x \\\n  && find / -type d -exec chmod a-s {} +',
  'echo "chmod 777 /a" | sh',
];

function fixtureRunScripts(): string[] {
  const files = execFileSync('git', ['ls-files', '-z', '--', '*Dockerfile*'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  return files.flatMap((file) => {
    try {
      const model = parseDockerfile(readFileSync(file, 'utf8'), file);
      return model.stages.flatMap((stage) => stage.instructions).filter((instruction) => instruction.keyword === 'RUN').map(runScript);
    } catch {
      return [];
    }
  });
}

describe('chmodUses', () => {
  it('passes over a script that names no chmod, install or mkdir, which is sound because every word is a stretch of the script', () => {
    for (const script of [...SCRIPTS, ...fixtureRunScripts()]) {
      for (const command of splitCommands(script)) for (const word of command.words) expect(script).toContain(word);
    }
    expect(chmodUses('apt-get update && apt-get install -y --no-install-recommends gcc')).toEqual([]);
    expect(chmodUses('echo hi && ls -l /')).toEqual([]);
  });

  it('still reads the modes of prefixed and quoted programs', () => {
    expect(chmodUses('/bin/chmod 4755 /x && "chmod" u+s /y').map((use) => use.mode)).toEqual(['4755', 'u+s']);
    expect(chmodUses('install -d -m 3777 /srv/drop')[0]?.directoriesOnly).toBe(true);
  });
});
