/**
 * Recognising secrets in build files: variable names that hold credentials, literal credential
 * strings (cloud keys, tokens, private keys, passwords in URLs and flags), and files that are
 * credentials by nature (`.env`, `id_rsa`, `*.pem`, `.npmrc`). Heuristics, tuned against the
 * usual false positives: `TOKEN_URL`, `PASSWORD_FILE`, `${VAR}` references, `--password-stdin`.
 */

/** Name words that mean "this holds a secret". */
const SECRET_WORDS = new Set(['PASSWORD', 'PASSWD', 'PASS', 'PASSPHRASE', 'SECRET', 'SECRETS', 'TOKEN', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS', 'AUTH']);
/** `KEY` is a secret only after one of these (`API_KEY`, `ACCESS_KEY`, `PRIVATE_KEY`, `SECRET_KEY`). */
const KEY_QUALIFIERS = new Set(['API', 'ACCESS', 'PRIVATE', 'SECRET', 'ENCRYPTION', 'SIGNING', 'SSH', 'CLIENT', 'MASTER', 'AUTH']);
/**
 * Words that may follow the secret word and still name the secret itself: its encoding
 * (`SECRET_KEY_BASE`, `TOKEN_B64`) or which environment or copy it is for (`DB_PASSWORD_PROD`).
 */
const STILL_SECRET_SUFFIXES = new Set(['KEY', 'BASE', 'VALUE', 'B64', 'BASE64', 'RAW', 'PROD', 'PRODUCTION', 'STAGING', 'DEV', 'TEST', 'LIVE', 'PRIMARY', 'SECONDARY', 'OLD', 'NEW']);

/**
 * True when a variable name says it holds a credential: the name ends in a secret word,
 * optionally followed by words such as KEY, BASE or PROD. `TOKEN_URL`, `PASSWORD_FILE`,
 * `AUTH_ENABLED`, `ACCESS_TOKEN_EXPIRE_MINUTES` and `PASSWORD_HASH_ROUNDS` describe a secret's
 * location or a setting about it, not the secret, so they are not. A word that ends in PASSWORD
 * counts too (libpq's `PGPASSWORD`), and `PWD` after another word (`MYSQL_PWD`), never alone
 * (the shell's working directory). One matcher for Dockerfiles, compose files and Kubernetes
 * manifests, so a name means the same wherever it is written.
 *
 * @example isSecretName('NPM_TOKEN') // true
 * @example isSecretName('PGPASSWORD') // true
 * @example isSecretName('TOKEN_URL') // false
 */
export function isSecretName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  for (let index = words.length - 1; index >= 0; index--) {
    const word = words[index] ?? '';
    const isSecretWord =
      SECRET_WORDS.has(word) ||
      (word === 'KEY' && KEY_QUALIFIERS.has(words[index - 1] ?? '')) ||
      (word.length > 8 && (word.endsWith('PASSWORD') || word.endsWith('PASSWD'))) ||
      (word === 'PWD' && index > 0);
    if (isSecretWord) return true;
    if (!STILL_SECRET_SUFFIXES.has(word) && !/^\d+$/.test(word)) return false;
  }
  return false;
}

/**
 * True when a value written in a Dockerfile is a literal that would be baked in: not empty, not
 * only `$VAR`/`${VAR}` references, not a path to a mounted secret file.
 *
 * @example isLiteralSecretValue('"${NPM_TOKEN}"') // false
 * @example isLiteralSecretValue('hunter2') // true
 */
export function isLiteralSecretValue(raw: string): boolean {
  const value = stripQuotes(raw.trim());
  if (value === '') return false;
  if (/^(?:\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-+?][^}]*)?\}|\$[A-Za-z_][A-Za-z0-9_]*)+$/.test(value)) return false;
  return !value.startsWith('/run/secrets/');
}

function stripQuotes(value: string): string {
  return value.replace(/^(["'])(.*)\1$/s, '$2');
}

export interface CredentialMatch {
  /** What was found, for a message: "an AWS access key id". */
  description: string;
  /** The match with the secret part cut short, safe to print: `AKIA…`. */
  redacted: string;
  /** 0-based offset of the match in the searched text. */
  index: number;
}

interface CredentialPattern {
  description: string;
  pattern: RegExp;
  /** Which capture group holds the secret part; it must not be a `$VAR` reference. */
  secretGroup?: number;
  /** The match is a marker, not the secret (a PEM header), so it may be shown whole. */
  showWhole?: boolean;
  /**
   * Text every match contains (lower-cased when the pattern ignores case): most instructions
   * contain none, and a substring search is far cheaper than running the pattern over them.
   */
  needs: readonly string[];
}

/** Exported for the test that holds each pattern's `needs` to the pattern. */
export const CREDENTIAL_PATTERNS: readonly CredentialPattern[] = [
  { description: 'an AWS access key id', pattern: /\bAKIA[0-9A-Z]{16}\b/g, needs: ['AKIA'] },
  { description: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/g, needs: ['gh', 'github_pat_'] },
  { description: 'a private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/g, showWhole: true, needs: [' PRIVATE KEY-----'] },
  { description: 'a literal Authorization header', pattern: /Authorization:\s*(?:Bearer|Basic|token)\s+([^\s"'\\]+)/gi, secretGroup: 1, needs: ['authorization:'] },
  // `=` or whitespace after the flag, so `--password-stdin` (the right way) never matches.
  { description: 'a literal --password value', pattern: /--password(?:=|\s+)["']?([^\s"']+)/g, secretGroup: 1, needs: ['--password'] },
  // Bounded repetitions keep a hostile, kilobytes-long token from making this quadratic.
  { description: 'a password inside a URL', pattern: /\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s/:@"']{1,256}:([^\s/@"']{1,256})@/gi, secretGroup: 1, needs: ['://'] },
];

/**
 * Literal credentials in a piece of text (a RUN command, an ENV value), each once.
 *
 * @example findLiteralCredentials('curl -H "Authorization: Bearer abc123" https://x')[0]?.description
 *   // 'a literal Authorization header'
 */
export function findLiteralCredentials(text: string): CredentialMatch[] {
  const matches: CredentialMatch[] = [];
  let lower: string | undefined;
  for (const { description, pattern, secretGroup, showWhole, needs } of CREDENTIAL_PATTERNS) {
    const searched = pattern.ignoreCase ? (lower ??= text.toLowerCase()) : text;
    if (!needs.some((literal) => searched.includes(literal))) continue;
    for (const match of text.matchAll(pattern)) {
      const secret = secretGroup === undefined ? match[0] : (match[secretGroup] ?? '');
      if (secretGroup !== undefined && (secret.startsWith('$') || secret.startsWith('-'))) continue;
      matches.push({ description, redacted: showWhole ? match[0] : redact(match[0], secret), index: match.index });
    }
  }
  return matches.sort((a, b) => a.index - b.index);
}

/** Keeps enough to recognise the credential and never the credential itself. */
function redact(whole: string, secret: string): string {
  if (secret === whole) return `${whole.slice(0, 4)}…`;
  const at = whole.lastIndexOf(secret);
  return `${whole.slice(0, at)}${secret.slice(0, 2)}…${whole.slice(at + secret.length)}`;
}

/** Name words of PEM files that hold public certificates only (a CA bundle, a chain). */
const PUBLIC_PEM_WORDS = new Set(['ca', 'cacert', 'cacerts', 'cert', 'certs', 'certificate', 'chain', 'fullchain', 'bundle', 'intermediate', 'public', 'pub', 'trust', 'truststore']);

/**
 * A `.pem` may hold a private key or only public certificates; its name usually says which.
 * A name that mentions a key (`ca-key.pem`, `privkey.pem`) is a key; one that names a CA
 * bundle or a chain and no key (`ca.pem`, `fullchain.pem`, `ca-bundle.pem`) is public.
 */
function pemFileReason(base: string): string | undefined {
  const words = base.slice(0, -'.pem'.length).toLowerCase().split(/[-_.]+/).filter(Boolean);
  if (words.some((word) => word.includes('key') || word.includes('priv') || word.includes('secret'))) return 'a private key file';
  if (words.some((word) => PUBLIC_PEM_WORDS.has(word))) return undefined;
  return 'a key or certificate file';
}

/** Example and template env files hold no real values; they are meant to be shared. */
const ENV_TEMPLATE_SUFFIXES = ['.example', '.sample', '.template', '.dist', '.defaults'];

/**
 * Why a path copied into an image is a credential file, or undefined when it is not one.
 * Works on globs too (`*.pem`), and on directories that hold credentials (`.ssh`, `.aws`).
 *
 * @example secretFileReason('config/.env') // 'an environment file with secrets'
 * @example secretFileReason('.env.example') // undefined
 */
export function secretFileReason(path: string): string | undefined {
  const normalised = path.replace(/\\/g, '/').replace(/\/+$/, '');
  const base = normalised.split('/').at(-1) ?? '';
  if (base === '.env' || base.endsWith('.env') || (base.startsWith('.env.') && !ENV_TEMPLATE_SUFFIXES.some((s) => base.endsWith(s)))) {
    return 'an environment file with secrets';
  }
  if (/^id_(?:rsa|dsa|ecdsa|ed25519)$/.test(base)) return 'an SSH private key';
  if (base.endsWith('.key')) return 'a key file';
  if (base.endsWith('.pem')) return pemFileReason(base);
  if (base === '.npmrc' || base === '.pypirc' || base === '.netrc' || base === '.git-credentials') return 'a file of registry or git credentials';
  if (normalised.endsWith('.aws/credentials') || base === '.aws') return 'AWS credentials';
  if (normalised.endsWith('.docker/config.json')) return 'Docker registry credentials';
  if (base === '.ssh') return 'a directory of SSH keys';
  return undefined;
}
