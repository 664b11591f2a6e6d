import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noLiteralSecrets } from './no-literal-secrets.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [noLiteralSecrets] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');
const mapEnv = (entry: string) => compose('services:', '  db:', '    image: postgres:16.2', '    environment:', `      ${entry}`);
const listEnv = (entry: string) => compose('services:', '  db:', '    image: postgres:16.2', '    environment:', `      - ${entry}`);

describe('compose/no-literal-secrets', () => {
  it.each([
    ['interpolation in a map', mapEnv('POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}')],
    ['$VAR interpolation', mapEnv('POSTGRES_PASSWORD: $POSTGRES_PASSWORD')],
    ['a required variable', mapEnv('POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it in .env}')],
    ['interpolation in a list', listEnv('API_KEY=${API_KEY}')],
    ['a bare name passed through', listEnv('API_TOKEN')],
    ['an empty value', mapEnv('POSTGRES_PASSWORD: ""')],
    ['an empty list value', listEnv('POSTGRES_PASSWORD=')],
    ['a null value', mapEnv('POSTGRES_PASSWORD:')],
    ['a _FILE name pointing at /run/secrets', mapEnv('POSTGRES_PASSWORD_FILE: /run/secrets/db_password')],
    ['a password variable holding a /run/secrets path', mapEnv('DB_PASSWORD: /run/secrets/db_password')],
    ['a switch about passwords', mapEnv('MYSQL_RANDOM_ROOT_PASSWORD: "yes"')],
    ['a boolean switch', mapEnv('REQUIRE_TOKEN: true')],
    ['a token lifetime', mapEnv('TOKEN_TTL: 3600')],
    ['an access key id', mapEnv('AWS_ACCESS_KEY_ID: AKIAEXAMPLE')],
    ['a user name', mapEnv('POSTGRES_USER: app')],
    ['a non-secret name', mapEnv('LOG_LEVEL: debug')],
    ['a word that only contains PASS', mapEnv('BYPASS_CACHE: "1"')],
    ['a quoted interpolation', mapEnv('DATABASE_PASSWORD: "${DB_PASSWORD}"')],
    ['a token lifetime in minutes', mapEnv('ACCESS_TOKEN_EXPIRE_MINUTES: "30"')],
    ['a hashing cost', mapEnv('PASSWORD_HASH_ROUNDS: "12"')],
    ['a connection URL without a password', mapEnv('DATABASE_URL: postgres://api@db:5432/api')],
    ['a connection URL whose password is interpolated', mapEnv('DATABASE_URL: postgres://api:${DB_PASSWORD}@db/api')],
    ['interpolation inside a longer value', mapEnv('DB_PASSWORD: "prefix-${DB_PASSWORD_PART}"')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['a literal password in a map', mapEnv('POSTGRES_PASSWORD: hunter2')],
    ['a literal password in a list', listEnv('POSTGRES_PASSWORD=hunter2')],
    ['a numeric password', mapEnv('DB_PASSWORD: 123456')],
    ['a lower-case name', mapEnv('db_password: hunter2')],
    ['an API key', listEnv('STRIPE_API_KEY=sk_live_abc')],
    ['a secret', mapEnv('JWT_SECRET: changeme')],
    ['a token', mapEnv('GITHUB_TOKEN: ghp_example')],
    ['an AWS secret access key', mapEnv('AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI')],
    ['a private key', mapEnv('SSH_PRIVATE_KEY: "-----BEGIN"')],
    ['credentials', mapEnv('GOOGLE_CREDENTIALS: "{}"')],
    ['an interpolation with a literal fallback', mapEnv('DB_PASSWORD: ${DB_PASSWORD:-hunter2}')],
    ['a fallback without the colon', listEnv('DB_PASSWORD=${DB_PASSWORD-hunter2}')],
    ['libpq\'s one-word PGPASSWORD', mapEnv('PGPASSWORD: Sup3rS3cret')],
    ['MYSQL_PWD', listEnv('MYSQL_PWD=Sup3rS3cret')],
    ['a password inside a connection URL', mapEnv('DATABASE_URL: postgres://api:Sup3rS3cret@db/api')],
  ])('flags %s at the right line', (_name, text) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/no-literal-secrets', line: 5, severity: 'error', item: 'secrets.runtime-delivery' });
  });

  it('names the variable but never repeats the value', () => {
    const message = lint(mapEnv('POSTGRES_PASSWORD: hunter2'))[0]?.message ?? '';
    expect(message).toContain('`POSTGRES_PASSWORD` in service db');
    expect(message).toContain('/run/secrets');
    expect(message).not.toContain('hunter2');
  });

  it('says when the literal is a fallback', () => {
    expect(lint(mapEnv('DB_PASSWORD: ${DB_PASSWORD:-hunter2}'))[0]?.message).toContain('falls back to a literal value');
  });
});
