import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noRootUser } from './no-root-user.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [noRootUser] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');
const asUser = (user: string) => compose('services:', '  web:', '    image: app:1.4.2', `    user: ${user}`);

describe('compose/no-root-user', () => {
  it.each([
    ['no user key (the image decides)', compose('services:', '  web:', '    image: app:1.4.2')],
    ['"1000:1000"', asUser('"1000:1000"')],
    ['10001 as a number', asUser('10001')],
    ['a named user', asUser('app')],
    ['a non-root user in group 0', asUser('"1001:0"')],
    ['a uid that merely contains 0', asUser('"1000"')],
    ['an interpolated user', asUser('"${UID}:${GID}"')],
    ['a user named rootless', asUser('rootless')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['"0"', '"0"'],
    ['0 as a number', '0'],
    ['root', 'root'],
    ['"0:0"', '"0:0"'],
    ['root:root', 'root:root'],
    ['"0:1000" (the group does not matter)', '"0:1000"'],
    ['root:app', 'root:app'],
    ['"000"', '"000"'],
  ])('flags %s at the right line', (_name, user) => {
    const findings = lint(asUser(user));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/no-root-user', line: 4, severity: 'error', item: 'runtime.non-root' });
  });

  it('quotes what was written', () => {
    expect(lint(asUser('root:root'))[0]?.message).toBe('`user: "root:root"` in service web is uid 0: the container runs as root');
  });
});
