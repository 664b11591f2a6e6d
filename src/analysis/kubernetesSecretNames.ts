/**
 * Whether an environment variable's name says it holds a secret. Names are split into words
 * (`DB_PASSWORD`, `apiKey`, `stripe-secret-key`) so that `MONKEY` or `PWD` (the shell's working
 * directory) do not match, and names that point at a secret rather than hold one
 * (`PASSWORD_FILE`, `SECRET_NAME`, `TOKEN_URL`) are left alone.
 */

const secretWords = new Set(['PASSWORD', 'PASSWD', 'SECRET', 'SECRETS', 'TOKEN', 'APIKEY', 'PASSPHRASE', 'CREDENTIAL', 'CREDENTIALS']);
/** Words that make `..._KEY` a secret key rather than, say, a cache key. */
const keyQualifiers = new Set(['API', 'PRIVATE', 'ACCESS', 'SECRET', 'ENCRYPTION', 'SIGNING', 'SSH', 'CLIENT', 'MASTER']);
/** A last word that turns the name into a pointer to a secret or a setting about it. */
const pointerWords = new Set(['FILE', 'PATH', 'DIR', 'NAME', 'REF', 'URL', 'URI', 'ENDPOINT', 'TTL', 'TIMEOUT', 'EXPIRY', 'LENGTH', 'HEADER', 'ID', 'TYPE']);

/**
 * @example looksLikeSecretName('DB_PASSWORD')   // true
 * @example looksLikeSecretName('PASSWORD_FILE') // false
 */
export function looksLikeSecretName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((word) => word !== '');
  const last = words[words.length - 1];
  if (last === undefined || pointerWords.has(last)) return false;
  return words.some((word, index) => secretWords.has(word) || (word === 'KEY' && keyQualifiers.has(words[index - 1] ?? '')));
}
