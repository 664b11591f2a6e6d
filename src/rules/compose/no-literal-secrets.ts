/**
 * Secret-looking environment variables with a literal value in the compose file:
 * `POSTGRES_PASSWORD: hunter2`, `- API_KEY=abc123`. What passes: `${VAR}` / `$VAR`
 * interpolation, empty values, a bare name (passed through from the shell), boolean switches
 * such as `MYSQL_ALLOW_EMPTY_PASSWORD: "yes"`, paths under /run/secrets, and names that describe
 * a secret rather than hold one (`DB_PASSWORD_FILE`, `TOKEN_TTL`, `AWS_ACCESS_KEY_ID`). An
 * interpolation with a literal fallback (`${DB_PASSWORD:-hunter2}`) is reported: the fallback is
 * a secret written in the file. So is a credential inside the value of any variable (a password
 * in `DATABASE_URL`). Messages never repeat the value.
 */
import { isInterpolated } from '../../analysis/composeScalars.js';
import { findLiteralCredentials, isSecretName } from '../../analysis/secretLooking.js';
import { environmentEntries } from '../../analysis/composeEnvironment.js';
import type { ComposeRule } from '../types.js';

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
        const problem = isSecretName(entry.name) ? literalProblem(entry.value) : credentialInValue(entry.value);
        if (!problem) return [];
        const { line, column } = model.document.positionOf(entry.path);
        return [{ line, column, message: `\`${entry.name}\` in service ${service.name}'s environment ${problem}; deliver it as a compose secret under /run/secrets` }];
      }),
    );
  },
};

/**
 * A variable of any name whose value carries a credential of its own: a password inside a
 * connection URL (`DATABASE_URL: postgres://api:hunter2@db/api`), a cloud key, a token.
 */
function credentialInValue(value: string | number | boolean | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const found = findLiteralCredentials(value)[0];
  return found === undefined ? undefined : `holds ${found.description} written in the file`;
}

function literalProblem(value: string | number | boolean | undefined): string | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  const text = String(value).trim();
  if (text === '' || SWITCH_WORDS.has(text.toLowerCase()) || text.startsWith('/run/secrets/')) return undefined;
  const fallback = FALLBACK.exec(text)?.[1];
  if (fallback !== undefined) return fallback === '' || isInterpolated(fallback) ? undefined : 'falls back to a literal value written in the file';
  return isInterpolated(text) ? undefined : 'is a literal value written in the file';
}
