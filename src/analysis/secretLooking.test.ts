import { describe, expect, it } from 'vitest';
import { CREDENTIAL_PATTERNS, findLiteralCredentials, isSecretName } from './secretLooking.js';

const SAMPLES = [
  'aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE',
  `git clone https://ghp_${'a1B2c3D4e5'.repeat(4)}@github.com/org/repo.git`,
  'echo github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuv > /t',
  '-----BEGIN OPENSSH PRIVATE KEY-----\nabc',
  '-----BEGIN PRIVATE KEY-----',
  'curl -H "Authorization: Bearer eyJhbGciOi" https://x',
  'curl -H "AUTHORIZATION:basic dXNlcjpwYXNz" https://x',
  'curl -H "authorization: TOKEN abc" https://x',
  'docker login --password hunter2 -u me',
  'psql --password=hunter2',
  'git clone HTTPS://user:s3cret@example.com/repo.git',
  'pip install --index-url Https://u:p@pypi.example.com/simple x',
];

describe('isSecretName (one meaning for Dockerfiles, compose and Kubernetes)', () => {
  it.each(['DB_PASSWORD', 'NPM_TOKEN', 'apiKey', 'AWS_SECRET_ACCESS_KEY', 'SECRET_KEY_BASE', 'PGPASSWORD', 'MYSQL_PWD', 'DB_PASS', 'DB_PASSWORD_PROD', 'API_TOKEN_2', 'GOOGLE_CREDENTIALS', 'SSH_PASSPHRASE'])('%s holds a secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });
  it.each(['TOKEN_URL', 'PASSWORD_FILE', 'AUTH_ENABLED', 'ACCESS_TOKEN_EXPIRE_MINUTES', 'PASSWORD_HASH_ROUNDS', 'SECRETS_BACKEND', 'PWD', 'OLDPWD', 'MONKEY', 'BYPASS_CACHE', 'AWS_ACCESS_KEY_ID', 'CACHE_KEY_PREFIX', 'TLS_SECRET_NAME'])('%s does not', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});

describe('findLiteralCredentials', () => {
  it('finds in every sample what its pattern alone finds: no `needs` literal skips a real match', () => {
    for (const text of SAMPLES) {
      const unfiltered = CREDENTIAL_PATTERNS.flatMap(({ pattern }) => [...text.matchAll(pattern)].map((match) => match.index));
      expect(unfiltered.length).toBeGreaterThan(0);
      for (const { pattern, needs } of CREDENTIAL_PATTERNS) {
        const searched = pattern.ignoreCase ? text.toLowerCase() : text;
        if ([...text.matchAll(pattern)].length > 0) expect(needs.some((literal) => searched.includes(literal))).toBe(true);
      }
      // No sample's secret is a `$VAR` or a flag, so every match of every pattern is reported.
      expect(findLiteralCredentials(text).map((match) => match.index)).toEqual(unfiltered.sort((a, b) => (a ?? 0) - (b ?? 0)));
    }
  });

  it('still finds credentials written in any case where the pattern ignores case', () => {
    expect(findLiteralCredentials('curl -H "AUTHORIZATION: BEARER abc" https://x').map((match) => match.description)).toEqual(['a literal Authorization header']);
    expect(findLiteralCredentials('FTP://me:pw@host/').map((match) => match.description)).toEqual(['a password inside a URL']);
  });
});
