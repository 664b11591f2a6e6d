/**
 * Secret-looking environment variables with a literal value in the compose file:
 * `POSTGRES_PASSWORD: hunter2`, `- API_KEY=abc123`. What passes: `${VAR}` / `$VAR`
 * interpolation, empty values, a bare name (passed through from the shell), boolean switches
 * such as `MYSQL_ALLOW_EMPTY_PASSWORD: "yes"`, paths under /run/secrets, and names that describe
 * a secret rather than hold one (`DB_PASSWORD_FILE`, `TOKEN_TTL`, `AWS_ACCESS_KEY_ID`). An
 * interpolation with a literal fallback (`${DB_PASSWORD:-hunter2}`) is reported: the fallback is
 * a secret written in the file. Messages never repeat the value.
 */
import { isInterpolated } from '../../analysis/composeScalars.js';
import { environmentEntries } from '../../analysis/composeEnvironment.js';
import type { ComposeRule } from '../types.js';

const SECRET_WORDS = new Set(['PASSWORD', 'PASSWD', 'PASS', 'SECRET', 'TOKEN', 'APIKEY', 'CREDENTIALS', 'CREDENTIAL']);
const SECRET_PAIRS = new Set(['API_KEY', 'ACCESS_KEY', 'PRIVATE_KEY', 'AUTH_KEY', 'ENCRYPTION_KEY', 'SIGNING_KEY']);
/** A last word that makes the variable about a secret rather than the secret itself. */
const DESCRIBING_WORDS = new Set([
  'FILE', 'PATH', 'DIR', 'TTL', 'EXPIRY', 'EXPIRES', 'EXPIRATION', 'TIMEOUT', 'LENGTH', 'SIZE', 'ENABLED',
  'HEADER', 'NAME', 'ID', 'USER', 'USERNAME', 'URL', 'ENDPOINT', 'TYPE', 'ALGORITHM', 'POLICY',
]);
const SWITCH_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off']);
/** `${NAME:-fallback}` or `${NAME-fallback}` and nothing else. */
const FALLBACK = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)\}$/;

export const noLiteralSecrets: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/no-literal-secrets',
    severity: 'error',
    title: 'A secret is written into the compose file',
    passTitle: 'No secret is written into the compose file',
    why:
      'A password in a compose file lives in git history forever, in every clone, CI log and backup of the ' +
      'repository, and once the container runs, anyone who can run `docker inspect` or read /proc/1/environ ' +
      'sees it too. An attacker who reads the repository, or gets code execution in any process of the ' +
      'container, walks away with credentials to your database or cloud account.',
    fix:
      'Declare the secret at the top level (`secrets: { db_password: { file: ./secrets/db_password.txt } }` or ' +
      '`{ environment: DB_PASSWORD }`), grant it to the service with `secrets: [db_password]`, and have the ' +
      'app read /run/secrets/db_password, e.g. `POSTGRES_PASSWORD_FILE: /run/secrets/db_password`. At the very ' +
      'least write `DB_PASSWORD: ${DB_PASSWORD}` and keep the value out of the repository.',
    item: 'secrets.runtime-delivery',
    references: [],
  },
  check(model) {
    return model.services.flatMap((service) =>
      environmentEntries(service).flatMap((entry) => {
        if (!looksLikeSecretName(entry.name)) return [];
        const problem = literalProblem(entry.value);
        if (!problem) return [];
        const { line, column } = model.document.positionOf(entry.path);
        return [{ line, column, message: `\`${entry.name}\` in service ${service.name}'s environment ${problem}; deliver it as a compose secret under /run/secrets` }];
      }),
    );
  },
};

/** @example looksLikeSecretName('POSTGRES_PASSWORD') // true; looksLikeSecretName('POSTGRES_PASSWORD_FILE') // false */
function looksLikeSecretName(name: string): boolean {
  const words = name.toUpperCase().split(/[_.-]+/).filter(Boolean);
  const last = words.at(-1);
  if (last === undefined || DESCRIBING_WORDS.has(last)) return false;
  return words.some((word, index) => SECRET_WORDS.has(word) || SECRET_PAIRS.has(`${words[index - 1] ?? ''}_${word}`));
}

function literalProblem(value: string | number | boolean | undefined): string | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  const text = String(value).trim();
  if (text === '' || SWITCH_WORDS.has(text.toLowerCase()) || text.startsWith('/run/secrets/')) return undefined;
  const fallback = FALLBACK.exec(text)?.[1];
  if (fallback !== undefined) return fallback === '' || isInterpolated(fallback) ? undefined : 'falls back to a literal value written in the file';
  return isInterpolated(text) ? undefined : 'is a literal value written in the file';
}
