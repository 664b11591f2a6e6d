import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { noWorldWritable } from './no-world-writable.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [noWorldWritable] }).findings;

describe('dockerfile/no-world-writable', () => {
  it.each([
    ['755', 'FROM alpine:3.19.1\nRUN chmod 755 /app\n'],
    ['the sticky 1777 of a temp directory', 'FROM alpine:3.19.1\nRUN mkdir /shared-tmp && chmod 1777 /shared-tmp\n'],
    ['group write only', 'FROM alpine:3.19.1\nRUN chmod -R g+w /app/data\n'],
    ['removing write for others', 'FROM alpine:3.19.1\nRUN chmod o-w /app\n'],
    ['chown', 'FROM alpine:3.19.1\nRUN chown -R 10001:10001 /app/data\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['chmod 777', 'FROM alpine:3.19.1\nRUN chmod 777 /app\n', '777'],
    ['chmod -R 777', 'FROM alpine:3.19.1\nRUN chmod -R 777 /app\n', '777'],
    ['chmod 0666', 'FROM alpine:3.19.1\nRUN chmod 0666 /app/config.json\n', '0666'],
    ['chmod a+rwx', 'FROM alpine:3.19.1\nRUN chmod a+rwx /app\n', 'a+rwx'],
    ['chmod o+w', 'FROM alpine:3.19.1\nRUN chmod o+w /app/entrypoint.sh\n', 'o+w'],
    ['chmod after other commands', 'FROM alpine:3.19.1\nRUN mkdir -p /data && chmod --recursive 777 /data\n', '777'],
  ])('flags %s', (_name, text, mode) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/no-world-writable', line: 2, column: 1, severity: 'warning', item: 'runtime.non-root' });
    expect(findings[0]?.message).toContain(`(mode ${mode})`);
  });
});
